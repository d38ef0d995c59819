"""Estimate pi with a Monte-Carlo simulation on Spark.

Argument contract (emrctl runs every job script the same way):

    spark-submit pi.py --output_uri <OUT> [--data_source_folder <DATA>] \
        [--partitions N] [--samples-per-partition S] [--seed SEED]

--output_uri            Where the result goes, without a trailing slash, e.g.
                        s3://bucket/outputs/pi or file:///abs/outputs/pi.
                        A one-row CSV with a header (partitions, samples,
                        estimate; samples is the total number of points) is
                        written there, replacing earlier output.
--data_source_folder    Accepted for the contract, ignored: this job has no
                        input data.
--partitions            Number of Spark partitions (tasks), default 2.
--samples-per-partition Random points drawn per partition, default 1000000.
--seed                  Base random seed, default 17. Partition i uses
                        seed + i, so reruns give the same estimate.

Unknown arguments are an error. The driver prints one line to stdout:

    Pi is roughly 3.141592
"""

import argparse
import random
import sys

from pyspark.sql import SparkSession


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
        description="Monte-Carlo estimate of pi.")
    parser.add_argument("--output_uri", required=True,
                        help="where the one-row CSV result is written")
    parser.add_argument("--data_source_folder",
                        help="ignored; this job reads no data")
    parser.add_argument("--partitions", type=positive_int, default=2,
                        help="number of partitions (default: 2)")
    parser.add_argument("--samples-per-partition", type=positive_int,
                        default=1_000_000,
                        help="points drawn per partition (default: 1000000)")
    parser.add_argument("--seed", type=int, default=17,
                        help="base random seed (default: 17)")
    return parser.parse_args(argv)


def count_inside(index, samples, seed):
    """Count random points of the unit square that fall in the unit circle.

    The generator is seeded with seed + index, so a partition always draws
    the same points whatever executor runs it.
    """
    rng = random.Random(seed + index)
    inside = 0
    for _ in range(samples):
        x = rng.random()
        y = rng.random()
        if x * x + y * y <= 1.0:
            inside += 1
    return inside


def main(argv=None):
    """Run the estimate, print it and write it to --output_uri."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    spark = SparkSession.builder.appName("pi").getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    try:
        samples = args.samples_per_partition
        seed = args.seed
        inside = (
            spark.sparkContext
            .parallelize(range(args.partitions), args.partitions)
            .map(lambda index: count_inside(index, samples, seed))
            .sum()
        )
        total = samples * args.partitions
        estimate = 4.0 * inside / total
        print(f"Pi is roughly {estimate:f}")

        result = spark.createDataFrame(
            [(args.partitions, total, estimate)],
            "partitions INT, samples LONG, estimate DOUBLE")
        (result.coalesce(1).write
         .mode("overwrite")
         .option("header", True)
         .csv(args.output_uri))
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
