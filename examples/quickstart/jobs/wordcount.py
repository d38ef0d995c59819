"""Count the words of a folder of text files on Spark.

Argument contract (emrctl runs every job script the same way):

    spark-submit wordcount.py --output_uri <OUT> --data_source_folder <DATA> \
        [--top N]

--output_uri          Where the counts go, without a trailing slash, e.g.
                      s3://bucket/outputs/wordcount or
                      file:///abs/outputs/wordcount. One CSV with a header
                      (word,count), sorted by count descending then word,
                      is written there, replacing earlier output.
--data_source_folder  Folder holding the text files, e.g.
                      s3://bucket/data/wordcount/ or file:///abs/data/x/.
                      Every file under it is read, subfolders included.
                      Required for this job.
--top                 How many of the most frequent words to print,
                      default 10.

Unknown arguments are an error. Text is lowercased and split on anything
that is not a letter; words shorter than 3 letters and words of STOP_WORDS
are dropped. The driver prints to stdout:

    Top N words:
    word<TAB>count
    ...

The job exits with a non-zero status and a message on stderr when the data
folder does not exist or holds no words.
"""

import argparse
import sys

from pyspark.sql import SparkSession
from pyspark.sql import functions as F
from pyspark.errors import AnalysisException

MIN_WORD_LENGTH = 3

STOP_WORDS = frozenset("""
    about above across after again against all almost along already also
    although always among and another any anyone anything are around
    because been before being below between both but can cannot could did
    does doing done down during each either else enough even ever every
    few for from further get gets got had has have having her here hers
    herself him himself his how however into its itself just last least
    less like made make many may more most much must near need never new
    next not now off often once one only onto other others our ours
    ourselves out over own per put rather said same say says see seen
    several she should since some still such than that the their theirs
    them themselves then there these they this those though three through
    thus too two under until upon very was way well were what when where
    whether which while who whom whose why will with within without would
    yet you your yours yourself yourselves
""".split())


class JobError(Exception):
    """A problem with the job's input, reported without a traceback."""


def positive_int(text):
    """Parse a strictly positive integer for argparse."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}")
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {value}")
    return value


def parse_args(argv):
    """Parse the job's command line."""
    parser = argparse.ArgumentParser(
        description="Word count over a folder of text files.")
    parser.add_argument("--output_uri", required=True,
                        help="where the word,count CSV is written")
    parser.add_argument("--data_source_folder", required=True,
                        help="folder of text files to count")
    parser.add_argument("--top", type=positive_int, default=10,
                        help="number of top words to print (default: 10)")
    return parser.parse_args(argv)


def read_lines(spark, folder):
    """Read every text file under folder, one row per line."""
    try:
        return (spark.read
                .option("recursiveFileLookup", "true")
                .text(folder))
    except AnalysisException as error:
        raise JobError(
            f"cannot read data folder {folder}: {error.desc}") from None


def count_words(lines):
    """Return a DataFrame of (word, count), most frequent first."""
    words = (
        lines
        .select(F.explode(F.split(F.lower(F.col("value")), r"[^\p{L}]+"))
                .alias("word"))
        .where(F.length("word") >= MIN_WORD_LENGTH)
        .where(~F.col("word").isin(*sorted(STOP_WORDS)))
    )
    return (words.groupBy("word")
            .agg(F.count(F.lit(1)).alias("count"))
            .orderBy(F.col("count").desc(), F.col("word").asc()))


def main(argv=None):
    """Count the words, print the top ones and write all counts."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    spark = SparkSession.builder.appName("wordcount").getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    try:
        lines = read_lines(spark, args.data_source_folder)
        counts = count_words(lines).cache()
        top = counts.limit(args.top).collect()
        if not top:
            raise JobError(
                f"no words to count in data folder {args.data_source_folder}"
                " (no text files, or only short and stop words)")

        print(f"Top {args.top} words:")
        for row in top:
            print(f"{row['word']}\t{row['count']}")

        # One partition, sorted inside it: a single, ordered CSV file.
        (counts.repartition(1)
         .sortWithinPartitions(F.col("count").desc(), F.col("word").asc())
         .write
         .mode("overwrite")
         .option("header", True)
         .csv(args.output_uri))
    except JobError as error:
        print(f"wordcount: error: {error}", file=sys.stderr)
        return 1
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
