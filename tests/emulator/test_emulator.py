"""Checks the AWS emulator (emulator.py) the way emrctl's integration tests will use it: started by
start.sh, driven through its control API, observed through boto3 as any AWS client would.

Run: .venv/bin/python -m pytest tests/emulator -q
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import boto3
import botocore.exceptions
import pytest
from botocore.config import Config

HERE = Path(__file__).resolve().parent
REGION = "us-east-1"
FAKE = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": REGION}  # fmt: skip
for _k, _v in FAKE.items():
    os.environ[_k] = _v
os.environ.pop("AWS_PROFILE", None)
os.environ.pop("AWS_SESSION_TOKEN", None)
os.environ.pop("AWS_ENDPOINT_URL", None)

NO_RETRIES = Config(retries={"total_max_attempts": 1, "mode": "standard"},
                    s3={"addressing_style": "path"}, connect_timeout=5, read_timeout=10)  # fmt: skip


class Emulator:
    def __init__(self, outdir: Path, port: int):
        self.outdir = outdir
        self.port = port
        self.endpoint = f"http://127.0.0.1:{port}"

    def control(self, method: str, path: str, body: dict[str, Any] | None = None,
                expect: int = 200) -> dict[str, Any]:  # fmt: skip
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(f"{self.endpoint}/_emrctl{path}", data=data, method=method)
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                status, payload = r.status, json.load(r)
        except urllib.error.HTTPError as e:
            status, payload = e.code, json.load(e)
        assert status == expect, (status, payload)
        return payload

    def client(self, service: str, config: Config = NO_RETRIES, **kw: Any) -> Any:
        return boto3.session.Session().client(service, endpoint_url=self.endpoint,
                                              region_name=REGION, config=config, **kw)  # fmt: skip


def _start(outdir: Path, extra_env: dict[str, str] | None = None) -> Emulator:
    env = {**os.environ, **(extra_env or {})}
    t0 = time.monotonic()
    out = subprocess.run([str(HERE / "start.sh"), str(outdir)], env=env, capture_output=True,
                         text=True, timeout=90)  # fmt: skip
    assert out.returncode == 0, out.stderr
    port = int(out.stdout.strip().splitlines()[-1])
    assert (outdir / "port").read_text().strip() == str(port)
    print(f"emulator on port {port} ready in {time.monotonic() - t0:.2f}s")
    return Emulator(outdir, port)


def _stop(emu: Emulator) -> None:
    pid = int((emu.outdir / "pid").read_text())
    subprocess.run([str(HERE / "stop.sh"), str(emu.outdir)], check=True, timeout=30)
    assert not (emu.outdir / "pid").exists()
    assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()


@pytest.fixture(scope="session")
def emulator(tmp_path_factory: pytest.TempPathFactory):
    emu = _start(tmp_path_factory.mktemp("emulator"))
    yield emu
    _stop(emu)


@pytest.fixture()
def emu(emulator: Emulator) -> Emulator:
    emulator.control("POST", "/reset")
    return emulator


TEMPLATE = json.dumps({
    "Resources": {
        "DataBucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "emrctl-data"}},
        "LogsBucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "emrctl-logs"}},
    },
    "Outputs": {"Data": {"Value": {"Ref": "DataBucket"}}},
})  # fmt: skip


def _cluster(emu: Emulator, keep_alive: bool = True) -> str:
    emr = emu.client("emr")
    return emr.run_job_flow(
        Name="emrctl-test", ReleaseLabel="emr-7.14.0", LogUri="s3://emrctl-logs/emr/",
        Instances={"MasterInstanceType": "m6g.xlarge", "SlaveInstanceType": "m6g.xlarge",
                   "InstanceCount": 3, "KeepJobFlowAliveWhenNoSteps": keep_alive},
        JobFlowRole="EMR_EC2_DefaultRole", ServiceRole="EMR_DefaultRole",
        Applications=[{"Name": "Spark"}],
    )["JobFlowId"]  # fmt: skip


def _steps(names: list[str], on_failure: str = "CONTINUE") -> list[dict[str, Any]]:
    return [{"Name": n, "ActionOnFailure": on_failure,
             "HadoopJarStep": {"Jar": "command-runner.jar",
                               "Args": ["spark-submit", f"s3://emrctl-data/code/{n}.py"]}}
            for n in names]  # fmt: skip


def _wait(fn, want, timeout=5.0):  # type: ignore[no-untyped-def]
    seen = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        v = fn()
        if not seen or seen[-1] != v:
            seen.append(v)
        if v == want:
            return seen
        time.sleep(0.02)
    raise AssertionError(f"never reached {want}; saw {seen}")


# ------------------------------------------------------------------------------------------------


def test_health_lists_routes_and_version(emu: Emulator) -> None:
    h = emu.control("GET", "/health")
    assert h["ok"] and h["moto"] == "5.2.5"
    assert "POST /_emrctl/faults" in h["routes"]
    emu.control("GET", "/nope", expect=404)
    emu.control("PUT", "/faults", expect=405)


def test_stack_with_bucket_then_emr_step_fails_with_log(emu: Emulator) -> None:
    cfn, s3, emr = emu.client("cloudformation"), emu.client("s3"), emu.client("emr")
    cfn.create_stack(StackName="emrctl-data", TemplateBody=TEMPLATE)
    stack = cfn.describe_stacks(StackName="emrctl-data")["Stacks"][0]
    assert stack["StackStatus"] == "CREATE_COMPLETE"  # moto: complete at once
    assert stack["Outputs"][0]["OutputValue"] == "emrctl-data"
    s3.head_bucket(Bucket="emrctl-logs")

    cluster_id = _cluster(emu)
    step_ids = emr.add_job_flow_steps(JobFlowId=cluster_id,
                                      Steps=_steps(["etl", "report"], "TERMINATE_CLUSTER"))["StepIds"]
    listed = emu.control("GET", f"/emr/steps?cluster_id={cluster_id}")["steps"]
    assert [s["id"] for s in listed] == step_ids
    assert [s["state"] for s in listed] == ["RUNNING", "PENDING"]  # moto starts the first at once

    emu.control("POST", f"/emr/clusters/{cluster_id}/steps/{step_ids[0]}/state", {"state": "RUNNING"})
    r = emu.control("POST", f"/emr/clusters/{cluster_id}/steps/{step_ids[0]}/state", {
        "state": "FAILED", "reason": "Unknown Error.",
        "message": "Exception in thread \"main\" org.apache.spark.SparkException: Job aborted.",
        "logs": {"stderr": "Traceback (most recent call last):\nValueError: bad row 17\n",
                 "stdout": "starting etl\n"},
    })  # fmt: skip
    stderr_uri = f"s3://emrctl-logs/emr/{cluster_id}/steps/{step_ids[0]}/stderr.gz"
    assert r["logs"]["stderr"] == stderr_uri

    step = emr.describe_step(ClusterId=cluster_id, StepId=step_ids[0])["Step"]
    assert step["Status"]["State"] == "FAILED"
    details = step["Status"]["FailureDetails"]
    assert details["Reason"] == "Unknown Error."
    assert "SparkException" in details["Message"]
    assert details["LogFile"] == stderr_uri
    timeline = step["Status"]["Timeline"]
    assert timeline["CreationDateTime"] <= timeline["StartDateTime"] <= timeline["EndDateTime"]

    body = s3.get_object(Bucket="emrctl-logs",
                         Key=f"emr/{cluster_id}/steps/{step_ids[0]}/stderr.gz")["Body"].read()
    assert body[:2] == b"\x1f\x8b"  # gzipped, as EMR writes it
    assert b"ValueError: bad row 17" in gzip.decompress(body)

    # ActionOnFailure TERMINATE_CLUSTER: the next step is cancelled, the cluster ends with errors.
    states = {s["Id"]: s["Status"]["State"] for s in emr.list_steps(ClusterId=cluster_id)["Steps"]}
    assert states == {step_ids[0]: "FAILED", step_ids[1]: "CANCELLED"}
    status = emr.describe_cluster(ClusterId=cluster_id)["Cluster"]["Status"]
    assert status["State"] == "TERMINATED_WITH_ERRORS"
    assert status["StateChangeReason"]["Code"] == "STEP_FAILURE"


def test_completed_step_starts_the_next_and_cluster_waits(emu: Emulator) -> None:
    emu.client("s3").create_bucket(Bucket="emrctl-logs")
    emr = emu.client("emr")
    cluster_id = _cluster(emu)
    a, b = emr.add_job_flow_steps(JobFlowId=cluster_id, Steps=_steps(["a", "b"]))["StepIds"]
    emu.control("POST", f"/emr/clusters/{cluster_id}/steps/{a}/state", {"state": "COMPLETED"})
    assert emr.describe_step(ClusterId=cluster_id, StepId=b)["Step"]["Status"]["State"] == "RUNNING"
    emu.control("POST", f"/emr/clusters/{cluster_id}/steps/{b}/state", {"state": "COMPLETED"})
    assert emr.describe_cluster(ClusterId=cluster_id)["Cluster"]["Status"]["State"] == "WAITING"


def test_step_rule_drives_pending_running_completed(emu: Emulator) -> None:
    emu.client("s3").create_bucket(Bucket="emrctl-logs")
    emr = emu.client("emr")
    emu.control("POST", "/emr/step-rules", {
        "match": {"name": "pi"}, "pending_seconds": 0.2, "running_seconds": 0.3,
        "final": {"state": "COMPLETED", "logs": {"stdout": "Pi is roughly 3.14\n"}},
    })  # fmt: skip
    cluster_id = _cluster(emu)
    (step_id,) = emr.add_job_flow_steps(JobFlowId=cluster_id, Steps=_steps(["pi"]))["StepIds"]
    seen = _wait(lambda: emr.describe_step(ClusterId=cluster_id, StepId=step_id)
                 ["Step"]["Status"]["State"], "COMPLETED")  # fmt: skip
    assert seen == ["PENDING", "RUNNING", "COMPLETED"]
    out = emu.client("s3").get_object(Bucket="emrctl-logs",
                                      Key=f"emr/{cluster_id}/steps/{step_id}/stdout.gz")
    assert gzip.decompress(out["Body"].read()) == b"Pi is roughly 3.14\n"


def test_cancel_steps_which_moto_lacks(emu: Emulator) -> None:
    emr = emu.client("emr")
    cluster_id = _cluster(emu)
    running, pending = emr.add_job_flow_steps(JobFlowId=cluster_id, Steps=_steps(["a", "b"]))["StepIds"]
    infos = emr.cancel_steps(ClusterId=cluster_id, StepIds=[pending, running])["CancelStepsInfoList"]
    assert [i["Status"] for i in infos] == ["SUBMITTED", "SUBMITTED"]
    assert emr.describe_step(ClusterId=cluster_id, StepId=pending)["Step"]["Status"]["State"] == "CANCELLED"
    _wait(lambda: emr.describe_step(ClusterId=cluster_id, StepId=running)["Step"]["Status"]["State"],
          "CANCELLED")  # fmt: skip


def test_emr_on_eks_job_run_fails_with_container_logs(emu: Emulator) -> None:
    s3, ec = emu.client("s3"), emu.client("emr-containers")
    s3.create_bucket(Bucket="emrctl-logs")
    vc = ec.create_virtual_cluster(name="vc", containerProvider={
        "id": "emrctl-eks", "type": "EKS", "info": {"eksInfo": {"namespace": "spark"}}})["id"]  # fmt: skip
    run = ec.start_job_run(
        name="pi", virtualClusterId=vc, executionRoleArn="arn:aws:iam::123456789012:role/job",
        releaseLabel="emr-7.5.0-latest",
        jobDriver={"sparkSubmitJobDriver": {"entryPoint": "s3://emrctl-data/code/pi.py"}},
        configurationOverrides={"monitoringConfiguration": {
            "s3MonitoringConfiguration": {"logUri": "s3://emrctl-logs/eks/"}}},
    )["id"]  # fmt: skip
    assert ec.describe_job_run(id=run, virtualClusterId=vc)["jobRun"]["state"] == "RUNNING"
    r = emu.control("POST", f"/emr-containers/virtual-clusters/{vc}/job-runs/{run}/state", {
        "state": "FAILED", "failure_reason": "USER_ERROR",
        "state_details": "Jobrun failed. Main Spark container terminated with errors.",
        "driver": {"stderr": "Traceback: ZeroDivisionError\n", "stdout": ""},
        "controller": {"stdout": "submitted\n"},
    })  # fmt: skip
    job = ec.describe_job_run(id=run, virtualClusterId=vc)["jobRun"]
    assert job["state"] == "FAILED" and job["failureReason"] == "USER_ERROR"
    assert "terminated with errors" in job["stateDetails"]
    assert "finishedAt" in job
    driver = r["logs"]["driver/stderr"]
    assert driver.startswith(f"s3://emrctl-logs/eks/{vc}/jobs/{run}/containers/spark-")
    assert driver.endswith(f"/spark-{run}-driver/stderr.gz")
    key = driver[len("s3://emrctl-logs/"):]
    assert b"ZeroDivisionError" in gzip.decompress(
        s3.get_object(Bucket="emrctl-logs", Key=key)["Body"].read())
    listed = emu.control("GET", f"/emr-containers/job-runs?virtual_cluster_id={vc}")["job_runs"]
    assert [j["state"] for j in listed] == ["FAILED"]


def test_job_rule_completes_job_runs(emu: Emulator) -> None:
    ec = emu.client("emr-containers")
    emu.control("POST", "/emr-containers/job-rules",
                {"pending_seconds": 0.2, "running_seconds": 0.2, "final": {"state": "COMPLETED"}})
    vc = ec.create_virtual_cluster(name="vc", containerProvider={
        "id": "eks", "type": "EKS", "info": {"eksInfo": {"namespace": "ns"}}})["id"]  # fmt: skip
    run = ec.start_job_run(name="pi", virtualClusterId=vc, executionRoleArn="arn:aws:iam::1:role/r",
                           releaseLabel="emr-7.5.0-latest",
                           jobDriver={"sparkSubmitJobDriver": {"entryPoint": "pi.py"}})["id"]  # fmt: skip
    seen = _wait(lambda: ec.describe_job_run(id=run, virtualClusterId=vc)["jobRun"]["state"],
                 "COMPLETED")  # fmt: skip
    assert seen[0] == "PENDING" and seen[-2:] == ["RUNNING", "COMPLETED"]


def test_stack_set_to_rollback_complete_shows_failure_events(emu: Emulator) -> None:
    cfn = emu.client("cloudformation")
    cfn.create_stack(StackName="emrctl-data", TemplateBody=TEMPLATE)
    emu.control("POST", "/cloudformation/stacks/emrctl-data/status", {
        "status": "ROLLBACK_COMPLETE",
        "failure": {"logical_id": "LogsBucket",
                    "reason": "emrctl-logs already exists in stack arn:aws:cloudformation:other"},
    })  # fmt: skip
    assert cfn.describe_stacks(StackName="emrctl-data")["Stacks"][0]["StackStatus"] == "ROLLBACK_COMPLETE"
    events = cfn.describe_stack_events(StackName="emrctl-data")["StackEvents"]  # newest first
    assert events[0]["ResourceStatus"] == "ROLLBACK_COMPLETE"
    failed = [e for e in events if e["ResourceStatus"] == "CREATE_FAILED"]
    assert len(failed) == 1
    assert failed[0]["LogicalResourceId"] == "LogsBucket"
    assert failed[0]["ResourceType"] == "AWS::S3::Bucket"
    assert "already exists" in failed[0]["ResourceStatusReason"]
    rollback = next(e for e in events if e["ResourceStatus"] == "ROLLBACK_IN_PROGRESS")
    assert "[LogsBucket]" in rollback["ResourceStatusReason"]
    # moto's own CREATE_COMPLETE for that operation is gone: the history is the failure's.
    assert not any(e["ResourceStatus"] == "CREATE_COMPLETE" and e["LogicalResourceId"] == "emrctl-data"
                   for e in events)  # fmt: skip

    # Explicit status + reason + extra events also work.
    emu.control("POST", "/cloudformation/stacks/emrctl-data/events", {"events": [
        {"logical_id": "DataBucket", "type": "AWS::S3::Bucket", "status": "DELETE_FAILED",
         "reason": "The bucket you tried to delete is not empty"},
        {"status": "DELETE_FAILED", "reason": "The following resource(s) failed to delete: [DataBucket]. "},
    ]})  # fmt: skip
    stack = cfn.describe_stacks(StackName="emrctl-data")["Stacks"][0]
    assert stack["StackStatus"] == "DELETE_FAILED"
    assert stack["StackStatusReason"].startswith("The following resource(s) failed to delete")


def test_stack_rule_fails_the_next_change_set_over_time(emu: Emulator) -> None:
    cfn = emu.client("cloudformation")
    cfn.create_stack(StackName="emrctl-data", TemplateBody=TEMPLATE)
    emu.control("POST", "/cloudformation/stack-rules", {
        "stack_name": "emrctl-*", "on": "update", "status": "UPDATE_ROLLBACK_COMPLETE",
        "failure": {"logical_id": "DataBucket", "reason": "Access Denied"}, "over_seconds": 0.4,
    })  # fmt: skip
    changed = json.loads(TEMPLATE)
    changed["Resources"]["DataBucket"]["Properties"]["Tags"] = [{"Key": "k", "Value": "v"}]
    cfn.create_change_set(StackName="emrctl-data", ChangeSetName="cs1", ChangeSetType="UPDATE",
                          TemplateBody=json.dumps(changed))  # fmt: skip
    cfn.execute_change_set(StackName="emrctl-data", ChangeSetName="cs1")
    seen = _wait(lambda: cfn.describe_stacks(StackName="emrctl-data")["Stacks"][0]["StackStatus"],
                 "UPDATE_ROLLBACK_COMPLETE")  # fmt: skip
    assert seen[0] == "UPDATE_IN_PROGRESS" and "UPDATE_ROLLBACK_IN_PROGRESS" in seen
    events = cfn.describe_stack_events(StackName="emrctl-data")["StackEvents"]
    assert any(e["ResourceStatus"] == "UPDATE_FAILED" and e["ResourceStatusReason"] == "Access Denied"
               for e in events)  # fmt: skip
    # The rule was for one operation: the next update succeeds as moto does.
    assert emu.control("GET", "/cloudformation/stack-rules")["rules"][0]["applied"] == 1


CLUSTER_TEMPLATE = json.dumps({
    "Parameters": {"ClusterGeneration": {"Type": "String", "Default": "1"}},
    "Resources": {"Cluster": {"Type": "AWS::EMR::Cluster", "Properties": {
        "Name": {"Fn::Sub": "demo-${ClusterGeneration}"}, "ReleaseLabel": "emr-7.14.0",
        "JobFlowRole": "EMR_EC2_DefaultRole", "ServiceRole": "EMR_DefaultRole",
        "Instances": {"KeepJobFlowAliveWhenNoSteps": True}}}},
    "Outputs": {"ClusterId": {"Value": {"Ref": "Cluster"}}},
})  # fmt: skip


def test_a_new_cluster_generation_replaces_the_cfn_cluster(emu: Emulator) -> None:
    cfn, emr = emu.client("cloudformation"), emu.client("emr")

    def change_set(name: str, kind: str, generation: str) -> dict[str, Any]:
        cfn.create_change_set(StackName="demo", ChangeSetName=name, ChangeSetType=kind,
                              TemplateBody=CLUSTER_TEMPLATE,
                              Parameters=[{"ParameterKey": "ClusterGeneration",
                                           "ParameterValue": generation}])  # fmt: skip
        return cfn.describe_change_set(StackName="demo", ChangeSetName=name)

    def cluster_id() -> str:
        return cfn.describe_stacks(StackName="demo")["Stacks"][0]["Outputs"][0]["OutputValue"]

    change_set("create", "CREATE", "1")
    cfn.execute_change_set(StackName="demo", ChangeSetName="create")
    first = cluster_id()
    # KeepJobFlowAliveWhenNoSteps is honoured: the cluster waits for steps.
    assert emr.describe_cluster(ClusterId=first)["Cluster"]["Status"]["State"] == "WAITING"

    # The same template and parameters: a FAILED change set, not UpdateStack's ValidationError.
    same = change_set("same", "UPDATE", "1")
    assert same["Status"] == "FAILED"
    assert "didn't contain changes" in same["StatusReason"]

    # A new generation renames the cluster, which replaces it.
    bumped = change_set("bump", "UPDATE", "2")
    assert bumped["Status"] == "CREATE_COMPLETE"
    assert [c["ResourceChange"] for c in bumped["Changes"]] == [
        {"Action": "Modify", "LogicalResourceId": "Cluster", "ResourceType": "AWS::EMR::Cluster",
         "Replacement": "True"}]  # fmt: skip
    cfn.execute_change_set(StackName="demo", ChangeSetName="bump")
    second = cluster_id()
    assert second != first
    assert emr.describe_cluster(ClusterId=second)["Cluster"]["Name"] == "demo-2"
    assert emr.describe_cluster(ClusterId=first)["Cluster"]["Status"]["State"] == "TERMINATED"
    stack = cfn.describe_stacks(StackName="demo")["Stacks"][0]
    assert stack["Parameters"] == [{"ParameterKey": "ClusterGeneration", "ParameterValue": "2"}]
    assert change_set("again", "UPDATE", "2")["Status"] == "FAILED"


@pytest.mark.parametrize(
    ("service", "operation", "kind", "call", "status", "code"),
    [
        ("s3", "ListBuckets", "internal_error", lambda c: c.list_buckets(), 500, "InternalError"),
        ("s3", "PutObject", "slow_down",
         lambda c: c.put_object(Bucket="bkt", Key="k", Body=b"x"), 503, "SlowDown"),
        ("emr", "ListClusters", "throttling", lambda c: c.list_clusters(), 400,
         "ThrottlingException"),
        ("cloudformation", "DescribeStacks", "throttling", lambda c: c.describe_stacks(), 400,
         "Throttling"),
        ("sts", "GetCallerIdentity", "internal_error", lambda c: c.get_caller_identity(), 500,
         "InternalFailure"),
        ("s3", "UploadPart", "request_timeout",
         lambda c: c.upload_part(Bucket="bkt", Key="k", UploadId="u", PartNumber=1, Body=b"x"), 400,
         "RequestTimeout"),
        ("emr-containers", "ListVirtualClusters", "throttling",
         lambda c: c.list_virtual_clusters(), 400, "ThrottlingException"),
    ],
)  # fmt: skip
def test_fault_reaches_the_client_once(emu: Emulator, service: str, operation: str, kind: str,
                                       call: Any, status: int, code: str) -> None:  # fmt: skip
    client = emu.client(service)
    if service == "s3":
        client.create_bucket(Bucket="bkt")
    emu.control("POST", "/faults", {"service": service, "operation": operation, "kind": kind})
    with pytest.raises(botocore.exceptions.ClientError) as err:
        call(client)
    assert err.value.response["ResponseMetadata"]["HTTPStatusCode"] == status
    assert err.value.response["Error"]["Code"] == code
    faults = emu.control("GET", "/faults")["faults"]
    assert faults[0]["hits"] == 1 and faults[0]["remaining"] == 0
    if operation != "UploadPart":
        call(client)  # count was 1: the next call goes through


def test_standard_retries_ride_out_two_throttles(emu: Emulator) -> None:
    emu.control("POST", "/faults", {"service": "elasticmapreduce", "operation": "ListClusters",
                                    "kind": "throttling", "count": 2})  # fmt: skip
    emr = emu.client("emr", config=Config(retries={"total_max_attempts": 3, "mode": "standard"}))
    r = emr.list_clusters()
    assert r["ResponseMetadata"]["RetryAttempts"] == 2
    log = emu.control("GET", "/requests?operation=ListClusters")["requests"]
    assert [x["status"] for x in log] == [400, 400, 200]
    assert [x["fault"] is not None for x in log] == [True, True, False]


def test_dropped_connection_mid_response(emu: Emulator) -> None:
    s3 = emu.client("s3")
    s3.create_bucket(Bucket="bkt")
    s3.put_object(Bucket="bkt", Key="big", Body=b"x" * 100_000)
    emu.control("POST", "/faults", {"service": "s3", "operation": "GetObject", "kind": "drop",
                                    "response_bytes": 1000})  # fmt: skip
    with pytest.raises((botocore.exceptions.ResponseStreamingError,
                        botocore.exceptions.IncompleteReadError)):  # fmt: skip
        s3.get_object(Bucket="bkt", Key="big")["Body"].read()
    # A drop before the headers finish: the client sees the connection close.
    emu.control("POST", "/faults", {"service": "s3", "operation": "ListObjectsV2", "kind": "drop",
                                    "response_bytes": -1})  # fmt: skip
    with pytest.raises(botocore.exceptions.ConnectionClosedError):
        s3.list_objects_v2(Bucket="bkt")
    assert s3.get_object(Bucket="bkt", Key="big")["Body"].read() == b"x" * 100_000


def test_dropped_connection_mid_upload_stores_nothing(emu: Emulator) -> None:
    s3 = emu.client("s3")
    s3.create_bucket(Bucket="bkt")
    emu.control("POST", "/faults", {"service": "s3", "operation": "PutObject", "kind": "drop",
                                    "drop_at": "request", "request_bytes": 65536})  # fmt: skip
    with pytest.raises((botocore.exceptions.ConnectionClosedError,
                        botocore.exceptions.EndpointConnectionError)):  # fmt: skip
        s3.put_object(Bucket="bkt", Key="upload", Body=b"y" * (4 << 20))
    assert s3.list_objects_v2(Bucket="bkt")["KeyCount"] == 0
    s3.put_object(Bucket="bkt", Key="upload", Body=b"y" * (4 << 20))  # the retry works


def test_delay_trips_the_client_read_timeout(emu: Emulator) -> None:
    emu.control("POST", "/faults", {"service": "sts", "operation": "GetCallerIdentity",
                                    "kind": "delay", "seconds": 1.5})  # fmt: skip
    sts = emu.client("sts", config=NO_RETRIES.merge(Config(read_timeout=0.3)))
    with pytest.raises(botocore.exceptions.ReadTimeoutError):
        sts.get_caller_identity()
    assert sts.get_caller_identity()["Account"] == "123456789012"


def test_presigned_url_requests_are_classified(emu: Emulator) -> None:
    s3 = emu.client("s3")
    s3.create_bucket(Bucket="bkt")
    s3.put_object(Bucket="bkt", Key="a b+c%.txt", Body=b"hi")
    url = s3.generate_presigned_url("get_object", Params={"Bucket": "bkt", "Key": "a b+c%.txt"})
    emu.control("POST", "/faults", {"service": "s3", "operation": "GetObject", "kind": "slow_down"})
    with pytest.raises(urllib.error.HTTPError) as err:
        urllib.request.urlopen(url, timeout=10)
    assert err.value.code == 503 and b"<Code>SlowDown</Code>" in err.value.read()
    with urllib.request.urlopen(url, timeout=10) as r:
        assert r.read() == b"hi"


def test_request_log_inventory_and_reset(emu: Emulator) -> None:
    s3 = emu.client("s3")
    s3.create_bucket(Bucket="bkt")
    s3.put_object(Bucket="bkt", Key="a/1", Body=b"1")
    emu.control("POST", "/s3/objects", {"bucket": "bkt", "key": "a/2.gz", "text": "two", "gzip": True})
    ops = [r["operation"] for r in emu.control("GET", "/requests?service=s3")["requests"]]
    assert ops == ["CreateBucket", "PutObject"]
    objs = emu.control("GET", "/s3/objects?bucket=bkt&prefix=a/")["objects"]
    assert [o["key"] for o in objs] == ["a/1", "a/2.gz"]
    inv = emu.control("GET", "/inventory")
    assert inv["buckets"] == [{"name": "bkt", "objects": 2, "versions": 2, "account": "123456789012"}]
    emu.control("POST", "/reset")
    inv = emu.control("GET", "/inventory")
    assert inv["buckets"] == [] and inv["stacks"] == [] and inv["emr_clusters"] == []
    assert emu.control("GET", "/requests")["requests"] == []


def test_control_errors_are_clear(emu: Emulator) -> None:
    assert "no EMR cluster" in emu.control("POST", "/emr/clusters/j-NOPE/steps/s-1/state",
                                           {"state": "FAILED"}, expect=404)["error"]  # fmt: skip
    assert "kind must be" in emu.control("POST", "/faults", {"kind": "meteor"}, expect=400)["error"]
    cluster_id = _cluster(emu)
    step = emu.client("emr").add_job_flow_steps(JobFlowId=cluster_id, Steps=_steps(["a"]))["StepIds"][0]
    assert "step state must be" in emu.control(
        "POST", f"/emr/clusters/{cluster_id}/steps/{step}/state", {"state": "DONE"}, expect=400)["error"]


# ------------------------------------------------------------------------------------------------
# Signature checking: its own emulator, as DESIGN §7 says (it breaks EKS/emr-containers GETs).
# ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def auth_emulator(tmp_path_factory: pytest.TempPathFactory):
    emu = _start(tmp_path_factory.mktemp("emulator-auth"), {"INITIAL_NO_AUTH_ACTION_COUNT": "3"})
    yield emu
    _stop(emu)


def test_signature_checking_rejects_a_wrong_secret(auth_emulator: Emulator) -> None:
    emu = auth_emulator
    assert emu.control("GET", "/health")["initial_no_auth_action_count"] == 3
    iam = emu.client("iam")
    iam.create_user(UserName="ci")  # the 3 unauthenticated calls set up a user and key
    iam.put_user_policy(UserName="ci", PolicyName="all", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}))  # fmt: skip
    key = iam.create_access_key(UserName="ci")["AccessKey"]
    good = {"aws_access_key_id": key["AccessKeyId"], "aws_secret_access_key": key["SecretAccessKey"]}
    bad = {**good, "aws_secret_access_key": key["SecretAccessKey"][:-4] + "XXXX"}

    ident = emu.client("sts", **good).get_caller_identity()
    assert ident["Arn"].endswith(":user/ci")
    emu.client("s3", **good).list_buckets()

    with pytest.raises(botocore.exceptions.ClientError) as err:
        emu.client("sts", **bad).get_caller_identity()
    assert err.value.response["Error"]["Code"] == "SignatureDoesNotMatch"
    assert err.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    with pytest.raises(botocore.exceptions.ClientError) as err:
        emu.client("s3", **bad).list_buckets()
    assert err.value.response["Error"]["Code"] == "SignatureDoesNotMatch"
    with pytest.raises(botocore.exceptions.ClientError) as err:
        emu.client("sts").get_caller_identity()  # the default fake key is unknown
    assert err.value.response["Error"]["Code"] == "InvalidClientTokenId"
