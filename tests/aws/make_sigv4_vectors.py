#!/usr/bin/env python3
"""Writes tests/fixtures/sigv4/vectors.json: SigV4 test vectors computed by botocore's own signer.

emrctl signs requests itself (src/emrctl/aws/sigv4.*). Its unit test checks every stage of every
case below against what botocore computed, so the two agree on the cases that break signers:
reserved characters, unicode, S3's single-encoded keys, multi-value headers, session tokens,
unsigned payloads and presigned URLs.

Regenerate (the file is committed; the unit test never runs Python):

    /work/main/.venv/bin/pip install -r scripts/requirements-dev.txt
    /work/main/.venv/bin/python tests/aws/make_sigv4_vectors.py

How botocore is driven, and why:
- Time is frozen by patching botocore.auth.get_current_datetime, the only clock SigV4Auth reads
  (botocore 1.44 no longer calls datetime.datetime.utcnow, so patching that would not freeze it).
- The URL is built the way botocore's serializers build it: the path percent-encoded once with
  '/' and '~' kept (S3's greedy {Key+} label), the query with percent_encode_sequence. The signer
  then canonicalizes that URL, as it does for real requests.
- Each stage is taken from the signer's own methods, in the order add_auth calls them, and the
  result is checked against a plain add_auth() run on a copy of the request, so the recorded
  stages are exactly what botocore signs.
"""

import datetime
import hmac
import json
import pathlib
import re
import sys
from hashlib import sha256
from unittest import mock
from urllib.parse import unquote, urlsplit

import botocore
import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.utils import percent_encode, percent_encode_sequence

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "tests" / "fixtures" / "sigv4" / "vectors.json"

# The documentation's example credentials: plainly not real, and '/' and '+' in the secret.
ACCESS_KEY = "AKIDEXAMPLE"
SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
# Real session tokens are base64: '+', '/' and '=' must survive header and query encoding.
SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE+/token/with+slashes=="

T_DOCS = "2015-08-30T12:36:00Z"
T_LEAP_MIDNIGHT = "2024-02-29T23:59:59Z"  # last second of a leap day: the date must not roll
T_NEW_YEAR = "2025-01-01T00:00:00Z"

FORM = "application/x-www-form-urlencoded; charset=utf-8"
JSON_11 = "application/x-amz-json-1.1"


def case(name, description, **kw):
    """A request to sign, with the defaults most cases share."""
    c = {
        "name": name,
        "description": description,
        "kind": kw.pop("kind", "headers"),
        "request": {
            "scheme": kw.pop("scheme", "https"),
            "method": kw.pop("method", "GET"),
            "host": kw.pop("host"),
            "path": kw.pop("path", "/"),
            "query": [list(p) for p in kw.pop("query", [])],
            "headers": [list(h) for h in kw.pop("headers", [])],
            "body": kw.pop("body", ""),
        },
        "params": {
            "access_key_id": ACCESS_KEY,
            "secret_access_key": SECRET_KEY,
            "session_token": kw.pop("session_token", ""),
            "region": kw.pop("region"),
            "service": kw.pop("service"),
            "time": kw.pop("time", T_DOCS),
            "style": kw.pop("style", "standard"),
            "payload": kw.pop("payload", "signed_body"),
        },
    }
    if c["kind"] == "presign":
        c["params"]["expires_seconds"] = kw.pop("expires")
    assert not kw, f"{name}: unknown fields {sorted(kw)}"
    return c


# Shorthands for the services' endpoints and protocols.
STS = dict(service="sts", region="us-east-1", host="sts.amazonaws.com")
STS_PARIS = dict(service="sts", region="eu-west-3", host="sts.eu-west-3.amazonaws.com")
CFN_PARIS = dict(service="cloudformation", region="eu-west-3",
                 host="cloudformation.eu-west-3.amazonaws.com")
CFN = dict(service="cloudformation", region="us-east-1",
           host="cloudformation.us-east-1.amazonaws.com")
EMR = dict(service="elasticmapreduce", region="us-east-1",
           host="elasticmapreduce.us-east-1.amazonaws.com")
EMR_PARIS = dict(service="elasticmapreduce", region="eu-west-3",
                 host="elasticmapreduce.eu-west-3.amazonaws.com")
EKS_JOBS = dict(service="emr-containers", region="us-east-1",
                host="emr-containers.us-east-1.amazonaws.com")
EKS_JOBS_PARIS = dict(service="emr-containers", region="eu-west-3",
                      host="emr-containers.eu-west-3.amazonaws.com")
S3 = dict(service="s3", region="us-east-1", host="s3.us-east-1.amazonaws.com", style="s3")
S3_PARIS = dict(service="s3", region="eu-west-3", host="s3.eu-west-3.amazonaws.com", style="s3")
EMULATOR = dict(region="us-east-1", host="127.0.0.1:5000", scheme="http")

GET_CALLER_IDENTITY = "Action=GetCallerIdentity&Version=2011-06-15"
QUERY_POST = dict(method="POST", headers=[("Content-Type", FORM)])


def json_11(target):
    return dict(method="POST", headers=[("Content-Type", JSON_11),
                                        ("X-Amz-Target", f"ElasticMapReduce.{target}")])


CASES = [
    # --- Query protocol (STS, CloudFormation): form bodies, POST. ---
    case("sts_get_caller_identity_form_body", "STS query protocol: POST with a form body",
         **STS, **QUERY_POST, body=GET_CALLER_IDENTITY),
    case("sts_regional_with_session_token",
         "regional STS with a session token: X-Amz-Security-Token is signed",
         **STS_PARIS, **QUERY_POST, body=GET_CALLER_IDENTITY, session_token=SESSION_TOKEN,
         time=T_LEAP_MIDNIGHT),
    case("sts_get_on_empty_path", "an empty path canonicalizes to '/'",
         **STS, path="", query=[("Action", "GetCallerIdentity"), ("Version", "2011-06-15")]),
    case("cloudformation_describe_stacks_form_body",
         "CloudFormation query protocol, form body with encoded values",
         **CFN_PARIS, **QUERY_POST, time=T_NEW_YEAR,
         body="Action=DescribeStacks&StackName=emrctl-demo%2Fprod&Version=2010-05-15"),
    case("cloudformation_get_with_reserved_query",
         "query values with space, '+', '=', '&', '/', '~' and unicode",
         **CFN, query=[("Action", "DescribeStacks"), ("StackName", "a b+c=d&e/f~g"),
                       ("NextToken", "é日本"), ("Version", "2010-05-15")]),
    case("cloudformation_http_emulator_port", "plain http to a local emulator: the port is signed",
         **EMULATOR, service="cloudformation", **QUERY_POST,
         body="Action=ListStacks&Version=2010-05-15"),

    # --- Query strings: encoding and sort order. ---
    case("query_reserved_characters_in_keys_and_values",
         "reserved characters in keys too; an empty value",
         **STS, query=[("a b", "1"), ("c+d", "x y"), ("e=f", "&"), ("g/h", "/"),
                       ("~tilde", "~"), ("empty", ""), ("clé", "日本")]),
    case("query_repeated_key_sorted_by_encoded_value",
         "one key, several values: sorted after encoding",
         **STS_PARIS, query=[("k", "~"), ("k", "é"), ("k", "b"), ("k", ""), ("k", "B"),
                             ("k", "a b"), ("k", "a+b")]),
    case("query_keys_sorted_by_encoded_key_not_pair",
         "'a' sorts before 'a-b' as a key (not as 'a=…' text)",
         **STS, query=[("a-b", "1"), ("a", "2"), ("a_b", "3"), ("A", "4"), ("é", "5"),
                       ("~", "6"), ("%", "7"), ("a.b", "8")]),

    # --- Headers. ---
    case("headers_repeated_multivalue_and_whitespace",
         "repeated names join with ',', values trimmed and white space collapsed",
         **STS, method="POST", body=GET_CALLER_IDENTITY,
         headers=[("Content-Type", FORM), ("X-Amz-Meta-Tag", "  first  "),
                  ("x-amz-meta-tag", "second"), ("X-Custom", "a,   b ,c"),
                  ("X-Spaces", "  lots   of \t  space  "), ("X-Empty", ""),
                  ("My-Header", "value\twith\ttabs")]),
    case("headers_not_signed_user_agent_and_friends",
         "user-agent, expect, x-amzn-trace-id are left out of the signature",
         **EMR, method="POST", body="{}",
         headers=[("Content-Type", JSON_11), ("X-Amz-Target", "ElasticMapReduce.ListClusters"),
                  ("User-Agent", "emrctl/0.1.0"), ("Expect", "100-continue"),
                  ("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793")]),
    case("headers_explicit_host", "a Host header given by the caller is signed as given",
         **STS, headers=[("Host", "sts.amazonaws.com")],
         query=[("Action", "GetCallerIdentity"), ("Version", "2011-06-15")]),

    # --- JSON 1.1 (EMR) and REST-JSON (EMR on EKS). ---
    case("emr_list_clusters_json", "EMR JSON 1.1: POST '/', X-Amz-Target",
         **EMR, **json_11("ListClusters"), body='{"ClusterStates": ["WAITING", "RUNNING"]}'),
    case("emr_add_job_flow_steps_unicode_body",
         "a JSON body with unicode is hashed as UTF-8 bytes",
         **EMR_PARIS, **json_11("AddJobFlowSteps"), session_token=SESSION_TOKEN, time=T_NEW_YEAR,
         body='{"JobFlowId": "j-2AXXXXXXGAPLF", '
              '"Steps": [{"Name": "données 日本", "ActionOnFailure": "CONTINUE"}]}'),
    case("emr_containers_list_virtual_clusters_repeated_states",
         "REST-JSON GET with a repeated query key",
         **EKS_JOBS_PARIS, path="/virtualclusters",
         query=[("states", "RUNNING"), ("states", "ARRESTED"), ("maxResults", "10")]),
    case("emr_containers_start_job_run_json", "REST-JSON POST with a JSON body",
         **EKS_JOBS, method="POST", path="/virtualclusters/abcdefghij0123456789klmno/jobruns",
         headers=[("Content-Type", "application/json")],
         body='{"name": "pi", "releaseLabel": "emr-7.2.0-latest", "clientToken": "c0ffee"}'),
    case("emr_containers_path_double_encoded",
         "non-S3 paths are encoded twice: ' ' -> %2520, '%' -> %2525",
         **EKS_JOBS_PARIS, path="/virtualclusters/my cluster%+é:*/jobruns", time=T_LEAP_MIDNIGHT),
    case("emr_containers_path_dot_segments_and_double_slashes",
         "non-S3 paths drop '.', resolve '..', collapse '//'",
         **EKS_JOBS, path="/virtualclusters/./a//b/../jobruns/"),

    # --- S3: single-encoded, never normalized keys; x-amz-content-sha256. ---
    case("s3_get_key_with_space_plus_percent",
         "S3 keys are encoded once: ' ' -> %20, '+' -> %2B, '%' -> %25",
         **S3_PARIS, path="/emrctl-bucket/my key+%.txt"),
    case("s3_put_unicode_key_signed_body", "S3 PUT with a unicode key and a signed body",
         **S3_PARIS, method="PUT", path="/emrctl-bucket/données/é/日本.txt",
         headers=[("Content-Type", "text/plain")], body="hello, world\n"),
    case("s3_put_unsigned_payload", "S3 UNSIGNED-PAYLOAD: the body is not hashed",
         **S3, method="PUT", path="/emrctl-bucket/code/job script.py",
         payload="unsigned_payload", body="print('not hashed')\n", time=T_LEAP_MIDNIGHT),
    case("s3_key_not_normalized",
         "S3 keeps '//', '.' and '..' in keys; '~' is not encoded, '*' and '!' are",
         **S3, path="/emrctl-bucket/a//b/./c/../d~e*f'(g)!.txt"),
    case("s3_list_objects_v2_query",
         "S3 ListObjectsV2: '/' in a query value is encoded, unlike in the path",
         **S3_PARIS, path="/emrctl-bucket",
         query=[("list-type", "2"), ("prefix", "outputs/pi run/"), ("delimiter", "/"),
                ("continuation-token", "1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=")]),
    case("s3_virtual_host_with_session_token", "virtual-hosted bucket with a session token",
         **(S3 | dict(host="emrctl-bucket.s3.us-east-1.amazonaws.com")),
         path="/logs/j-2AXXXXXXGAPLF/steps/s-1/stderr.gz", session_token=SESSION_TOKEN,
         time=T_NEW_YEAR),
    case("s3_create_multipart_upload_empty_value",
         "a value-less subresource (?uploads) signs as 'uploads='",
         **S3_PARIS, method="POST", path="/emrctl-bucket/assets/big file.zip",
         query=[("uploads", "")]),
    case("s3_http_emulator_port", "path-style S3 on a local emulator over plain http",
         **EMULATOR, service="s3", style="s3", method="PUT",
         path="/emrctl-bucket/data/in put.csv", headers=[("Content-Type", "text/csv")],
         body="a,b\n1,2\n"),
    case("s3_delete_object_new_year", "S3 DELETE at the first second of a year",
         **S3_PARIS, method="DELETE", path="/emrctl-bucket/outputs/pi/part-00000",
         time=T_NEW_YEAR),

    # --- Presigned URLs (query-string signing). ---
    case("presign_s3_get_unicode_key",
         "presigned S3 GET: UNSIGNED-PAYLOAD, host the only signed header",
         kind="presign", expires=3600, **S3, payload="unsigned_payload",
         path="/emrctl-bucket/outputs/pi run/résultat 日本.csv"),
    case("presign_s3_put_session_token_max_expiry",
         "presigned S3 PUT with a session token, 7 days",
         kind="presign", expires=604800, **S3_PARIS, payload="unsigned_payload", method="PUT",
         path="/emrctl-bucket/code/job+1 %.py", session_token=SESSION_TOKEN,
         time=T_LEAP_MIDNIGHT),
    case("presign_s3_with_response_override_query",
         "presigned GET keeping its own query params before X-Amz-*",
         kind="presign", expires=900, payload="unsigned_payload",
         **(S3_PARIS | dict(host="emrctl-bucket.s3.eu-west-3.amazonaws.com")),
         path="/reports/report.pdf",
         query=[("response-content-disposition", 'attachment; filename="é.pdf"'),
                ("response-content-type", "application/pdf"), ("versionId", "3/L4kqtJl~40")]),
    case("presign_sts_eks_token",
         "STS GetCallerIdentity presigned for an EKS token: x-k8s-aws-id is signed",
         kind="presign", expires=60, **STS, session_token=SESSION_TOKEN,
         query=[("Action", "GetCallerIdentity"), ("Version", "2011-06-15")],
         headers=[("x-k8s-aws-id", "emrctl-demo")]),
    case("presign_emr_containers_regional",
         "non-S3 presign: the payload hash is the empty body's",
         kind="presign", expires=300, **EKS_JOBS_PARIS, path="/virtualclusters/my vc/jobruns",
         query=[("maxResults", "5")], time=T_NEW_YEAR),
]


def parse_time(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(
        tzinfo=datetime.timezone.utc)


def url_of(req):
    # The serializers' way: the path encoded once keeping '/' and '~', the query in order.
    path = percent_encode(req["path"], safe="/~")
    url = f"{req['scheme']}://{req['host']}{path}"
    if req["query"]:
        url += "?" + percent_encode_sequence([tuple(p) for p in req["query"]])
    return url


def make_request(c):
    req = c["request"]
    request = AWSRequest(method=req["method"], url=url_of(req), data=req["body"].encode("utf-8"))
    for name, value in req["headers"]:
        request.headers[name] = value  # HTTPHeaders appends, so repeated names stay repeated
    unsigned = c["params"]["payload"] == "unsigned_payload"
    if c["params"]["style"] == "s3":
        # S3 takes the explicit client setting over its https/Content-MD5 heuristics.
        request.context["client_config"] = Config(s3={"payload_signing_enabled": not unsigned})
    elif unsigned:
        request.context["payload_signing_enabled"] = False
    return request


def make_signer(c):
    p = c["params"]
    credentials = Credentials(p["access_key_id"], p["secret_access_key"],
                              p["session_token"] or None)
    s3 = p["style"] == "s3"
    if c["kind"] == "presign":
        cls = botocore.auth.S3SigV4QueryAuth if s3 else botocore.auth.SigV4QueryAuth
        return cls(credentials, p["service"], p["region"], expires=p["expires_seconds"])
    cls = botocore.auth.S3SigV4Auth if s3 else botocore.auth.SigV4Auth
    return cls(credentials, p["service"], p["region"])


def query_pairs(url):
    # Splits without unquote_plus: botocore encodes '+' as %2B, so a '+' never means a space here.
    query = urlsplit(url).query
    if not query:
        return []
    return [[unquote(k), unquote(v)] for k, _, v in (p.partition("=") for p in query.split("&"))]


def signing_key_hex(signer, secret, date):
    k_date = signer._sign(f"AWS4{secret}".encode(), date)
    k_region = signer._sign(k_date, signer._region_name)
    k_service = signer._sign(k_region, signer._service_name)
    return signer._sign(k_service, "aws4_request").hex()


def run_stages(c):
    """add_auth, one step at a time, keeping what each step produced."""
    signer = make_signer(c)
    request = make_request(c)
    timestamp = parse_time(c["params"]["time"]).strftime(botocore.auth.SIGV4_TIMESTAMP)
    request.context["timestamp"] = timestamp
    signer._modify_request_before_signing(request)
    to_sign = signer.headers_to_sign(request)
    canonical_request = signer.canonical_request(request)
    string_to_sign = signer.string_to_sign(request, canonical_request)
    signature = signer.signature(string_to_sign, request)
    out = {
        "signer": type(signer).__name__,
        "signing_headers": [list(h) for h in request.headers.items()],
        "signing_query": query_pairs(request.url),
        "canonical_uri": signer._normalize_url_path(urlsplit(request.url).path),
        "canonical_query": signer.canonical_query_string(request),
        # The AWS spec ends every canonical header with a newline; botocore adds the last one
        # when it joins the canonical request.
        "canonical_headers": signer.canonical_headers(to_sign) + "\n",
        "signed_headers": signer.signed_headers(to_sign),
        "payload_hash": canonical_request.rsplit("\n", 1)[1],
        "canonical_request": canonical_request,
        "string_to_sign": string_to_sign,
        "signing_key": signing_key_hex(signer, c["params"]["secret_access_key"], timestamp[:8]),
        "signature": signature,
    }
    signer._inject_signature_to_request(request, signature)
    if c["kind"] == "presign":
        out["url"] = request.url
    else:
        out["authorization"] = request.headers["Authorization"]
        out["final_headers"] = [list(h) for h in request.headers.items()]
    return out


def run_add_auth(c):
    """botocore's own add_auth, the clock frozen: the reference the stages must reproduce."""
    signer = make_signer(c)
    request = make_request(c)
    with mock.patch("botocore.auth.get_current_datetime",
                    return_value=parse_time(c["params"]["time"])):
        signer.add_auth(request)
    return request


def check(c, stages):
    reference = run_add_auth(c)
    if c["kind"] == "presign":
        assert reference.url == stages["url"], c["name"]
        keys = [k for k, _ in c["request"]["query"]]
        # SigV4QueryAuth folds the query into a dict: a repeated key would silently lose values.
        assert len(keys) == len(set(keys)), f"{c['name']}: presign cannot repeat query keys"
    else:
        assert reference.headers["Authorization"] == stages["authorization"], c["name"]
        assert [list(h) for h in reference.headers.items()] == stages["final_headers"], c["name"]
    expected_cr = "\n".join([c["request"]["method"], stages["canonical_uri"],
                             stages["canonical_query"], stages["canonical_headers"],
                             stages["signed_headers"], stages["payload_hash"]])
    assert expected_cr == stages["canonical_request"], c["name"]
    expected_sig = hmac.new(bytes.fromhex(stages["signing_key"]),
                            stages["string_to_sign"].encode(), sha256).hexdigest()
    assert expected_sig == stages["signature"], c["name"]


# A [name, value] pair on one line: the file is read in reviews, and pairs are most of it.
PAIR = re.compile(r'\[\s*("(?:[^"\\]|\\.)*"),\s*("(?:[^"\\]|\\.)*")\s*\]')


def dumps(document):
    return PAIR.sub(r"[\1, \2]", json.dumps(document, indent=2, ensure_ascii=False)) + "\n"


def main():
    names = [c["name"] for c in CASES]
    assert len(names) == len(set(names)), "case names must be unique"
    for c in CASES:
        c["params"]["epoch_seconds"] = int(parse_time(c["params"]["time"]).timestamp())
        c["botocore"] = run_stages(c)
        check(c, c["botocore"])
    document = {
        "generator": "tests/aws/make_sigv4_vectors.py",
        "botocore_version": botocore.__version__,
        "cases": CASES,
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(dumps(document), encoding="utf-8")
    print(f"wrote {len(CASES)} cases to {OUTPUT.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
