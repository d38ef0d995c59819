#!/usr/bin/env python3
"""AWS emulator for emrctl's integration tests: moto in-process, plus a test-only control API.

One HTTP server on 127.0.0.1 (never another address) serves
  * every AWS API moto implements, exactly as `moto_server` would (path-style S3), and
  * a control API under /_emrctl/ that reaches into moto's backends to do what moto never does
    by itself: advance EMR steps and EMR-on-EKS job runs, write the log files EMR would write,
    make CloudFormation stacks fail and roll back with resource-level events, inject faults
    (5xx, throttling, timeouts, dropped connections) into the next N matching requests, record
    every AWS request it served, and reset everything.
(No S3 bucket can be named "_emrctl": bucket names never start with "_", so the prefix is free.)

Usage: emulator.py [--port N] [--initial-no-auth-action-count N] [--max-lifetime S] [-v]
Prints exactly one line "READY <port>" on stdout once it accepts connections. Stops cleanly on
SIGTERM, SIGINT, when stdin (if it is a pipe or socket) reaches EOF, or after --max-lifetime.
See README.md next to this file for the control API.
"""

from __future__ import annotations

import argparse
import base64
import fnmatch
import gzip
import io
import json
import logging
import os
import re
import signal
import socket
import stat
import struct
import sys
import threading
import time
import uuid
from datetime import datetime, timezone
from typing import Any, Callable, Iterable
from urllib.parse import parse_qs, unquote
from xml.sax.saxutils import escape as xml_escape

HOST = "127.0.0.1"  # the only address this program ever binds


def _parse_args(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: a free one)")
    p.add_argument(
        "--initial-no-auth-action-count",
        type=int,
        default=None,
        help="turn moto's signature checking on after N requests "
        "(default: $INITIAL_NO_AUTH_ACTION_COUNT, else off)",
    )
    p.add_argument("--max-lifetime", type=float, default=0, help="exit after S seconds (0: never)")
    p.add_argument(
        "--no-stdin-watch", action="store_true", help="do not exit when stdin reaches EOF"
    )
    p.add_argument("-v", "--verbose", action="store_true", help="log every request to stderr")
    return p.parse_args(argv)


# moto reads INITIAL_NO_AUTH_ACTION_COUNT when moto.settings is first imported: set it before.
_ARGS = _parse_args(sys.argv[1:]) if __name__ == "__main__" else None
if _ARGS is not None and _ARGS.initial_no_auth_action_count is not None:
    os.environ["INITIAL_NO_AUTH_ACTION_COUNT"] = str(_ARGS.initial_no_auth_action_count)
# Fake credentials for anything in this process that might sign (moto itself never needs them).
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")

import botocore.session  # noqa: E402
import moto  # noqa: E402
from moto import settings as moto_settings  # noqa: E402
from moto.cloudformation.models import Change as CfnChange  # noqa: E402
from moto.cloudformation.models import ChangeSet as CfnChangeSet  # noqa: E402
from moto.cloudformation.models import Event as CfnEvent  # noqa: E402
from moto.cloudformation.models import CloudFormationBackend, cloudformation_backends  # noqa: E402
from moto.cloudformation import parsing as moto_cfn_parsing  # noqa: E402
from moto.cloudformation import responses as moto_cfn_responses  # noqa: E402
from moto.cloudformation.parsing import ResourceMap  # noqa: E402
from moto.core import DEFAULT_ACCOUNT_ID  # noqa: E402
from moto.core.authorization import ActionAuthenticatorMixin  # noqa: E402
from moto.core.responses import ActionResult  # noqa: E402
from moto.emr.exceptions import InvalidRequestException  # noqa: E402
from moto.emr.models import Cluster as EmrCluster  # noqa: E402
from moto.emr.models import Step as EmrStep  # noqa: E402
from moto.emr.models import emr_backends  # noqa: E402
from moto.emr.responses import ElasticMapReduceResponse  # noqa: E402
from moto.emrcontainers.models import emrcontainers_backends  # noqa: E402
from moto.moto_api._internal.models import moto_api_backend  # noqa: E402
from moto.moto_server.werkzeug_app import (  # noqa: E402
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from moto.s3.models import FakeBucket, s3_backends  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402
from werkzeug.wrappers import Request, Response  # noqa: E402

CONTROL_PREFIX = "/_emrctl"
_lock = threading.RLock()  # guards the emulator's own state (faults, rules, log) and transitions


def _now() -> datetime:
    """moto keeps naive UTC datetimes."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def _iso(dt: datetime | None) -> str | None:
    return None if dt is None else dt.replace(tzinfo=timezone.utc).isoformat()


class ControlError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


# ------------------------------------------------------------------------------------------------
# Patches to moto's models: fields real EMR returns and moto leaves out, and CancelSteps.
# ------------------------------------------------------------------------------------------------

_orig_step_status = EmrStep.status.fget
_orig_cluster_status = EmrCluster.status.fget


def _step_status(self: EmrStep) -> dict[str, Any]:
    d = _orig_step_status(self)
    extra = getattr(self, "_emrctl", {})
    # moto leaves StartDateTime empty on the steps it starts itself (the first one added).
    started = self.start_date_time
    if started is None and self.state not in ("PENDING", "CANCELLED"):
        started = self.creation_date_time
    d["Timeline"]["StartDateTime"] = started
    d["Timeline"]["EndDateTime"] = self.end_date_time
    if extra.get("failure"):
        d["FailureDetails"] = extra["failure"]
    if d["StateChangeReason"].get("Message") is None:
        d["StateChangeReason"] = {}
    return d


def _cluster_status(self: EmrCluster) -> dict[str, Any]:
    d = _orig_cluster_status(self)
    extra = getattr(self, "_emrctl", {})
    reason: dict[str, Any] = {}
    if extra.get("code"):
        reason["Code"] = extra["code"]
    if getattr(self, "last_state_change_reason", None):
        reason["Message"] = self.last_state_change_reason
    d["StateChangeReason"] = reason
    return d


EmrStep.status = property(_step_status)  # type: ignore[assignment,method-assign]
EmrCluster.status = property(_cluster_status)  # type: ignore[assignment,method-assign]


def _cancel_steps(self: ElasticMapReduceResponse) -> ActionResult:
    """CancelSteps, which moto 5.2.5 lacks: PENDING -> CANCELLED, RUNNING -> CANCEL_PENDING
    (the emulator's ticker finishes it to CANCELLED after 0.2 s), anything else is refused."""
    cluster = self.backend.describe_cluster(self._get_param("ClusterId"))
    infos = []
    for step_id in self._get_param("StepIds", []):
        step = next((s for s in cluster.steps if s.id == step_id), None)
        if step is None:
            raise InvalidRequestException(f"Step id '{step_id}' is not valid.")
        if step.state == "PENDING":
            _set_step_state(cluster, step, {"state": "CANCELLED"})
            infos.append({"StepId": step_id, "Status": "SUBMITTED", "Reason": ""})
        elif step.state == "RUNNING":
            _set_step_state(cluster, step, {"state": "CANCEL_PENDING"})
            with _lock:
                _pending_cancels[step_id] = (time.monotonic() + 0.2, cluster, step)
            infos.append({"StepId": step_id, "Status": "SUBMITTED", "Reason": ""})
        else:
            infos.append(
                {
                    "StepId": step_id,
                    "Status": "FAILED",
                    "Reason": f"Step is in {step.state} state and cannot be cancelled.",
                }
            )
    return ActionResult({"CancelStepsInfoList": infos})


ElasticMapReduceResponse.cancel_steps = _cancel_steps  # type: ignore[attr-defined]
_pending_cancels: dict[str, tuple[float, Any, Any]] = {}


def _in_dependency_order(resources: dict[str, Any]) -> dict[str, Any]:
    """The template's resources reordered so that each comes after what it DependsOn."""
    ordered: dict[str, Any] = {}
    visiting: set[str] = set()

    def visit(name: str) -> None:
        if name in ordered or name in visiting or name not in resources:
            return
        visiting.add(name)
        deps = resources[name].get("DependsOn", []) if isinstance(resources[name], dict) else []
        for dep in [deps] if isinstance(deps, str) else deps:
            visit(dep)
        visiting.discard(name)
        ordered[name] = resources[name]

    for name in resources:
        visit(name)
    return ordered


_moto_resource_map_update = ResourceMap.update


def _update_in_dependency_order(self: ResourceMap, template: dict[str, Any], parameters: Any = None):
    # moto creates the resources a change set adds in template order, ignoring DependsOn
    # (CreateStack honours it; CloudFormation always does). An EMR cluster created before its
    # security group rules makes moto add EMR's own rules first, and the template's rules then
    # fail as duplicates: so hand moto the resources in dependency order.
    template = dict(template, Resources=_in_dependency_order(template.get("Resources", {})))
    return _moto_resource_map_update(self, template, parameters)


ResourceMap.update = _update_in_dependency_order  # type: ignore[method-assign]

_moto_execute_change_set = CloudFormationBackend.execute_change_set


_importing = threading.local()


def _execute_change_set(self: CloudFormationBackend, change_set_name: str, stack_name: str | None = None):
    # moto has no IMPORT change sets: it runs one as a CREATE, whose buckets would collide with
    # the existing ones they are meant to adopt. While one runs, adopt instead (_adopt_bucket).
    change_set = self.change_sets.get(change_set_name) or next(
        (cs for cs in self.change_sets.values() if cs.change_set_name == change_set_name), None
    )
    _importing.active = change_set is not None and change_set.change_set_type == "IMPORT"
    try:
        # moto's ExecuteChangeSet swaps in the new template but never re-reads it, so the stack's
        # Outputs stay those of the template before (none, for a CREATE change set)...
        _moto_execute_change_set(self, change_set_name, stack_name)
    finally:
        _importing.active = False
    for stack in self.stacks.values():
        if stack.name == stack_name or stack.stack_id == stack_name or any(
            cs.change_set_id == change_set_name or cs.change_set_name == change_set_name
            for cs in self.change_sets.values()
            if cs.stack_id == stack.stack_id
        ):
            stack._parse_template()
            stack.output_map = stack._create_output_map()
            # ...nor records the parameters it passed (UpdateStack does), so a later change set
            # with the same values would not be found to change nothing.
            if change_set is not None and change_set.parameters:
                stack.parameters = change_set.parameters
            # ...nor registers its exports, which DeleteStack then fails to find.
            for export in stack.exports:
                self.exports[export.name] = export


CloudFormationBackend.execute_change_set = _execute_change_set  # type: ignore[method-assign]


class _NoOutputs(dict):  # type: ignore[type-arg]
    exports: list[Any] = []


_moto_delete_stack = CloudFormationBackend.delete_stack


def _delete_stack(self: CloudFormationBackend, name_or_stack_id: str) -> None:
    # moto resolves a stack's outputs lazily, creating the resources they name when they are not
    # there: describing a deleted stack (by its id, as CloudFormation allows) would bring its
    # roles, buckets... back to life. A deleted stack has no outputs.
    _moto_delete_stack(self, name_or_stack_id)
    for stack in self.deleted_stacks.values():
        stack.output_map = _NoOutputs()


CloudFormationBackend.delete_stack = _delete_stack  # type: ignore[method-assign]

_moto_bucket_from_cfn = FakeBucket.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]


def _adopt_bucket(cls: Any, resource_name: str, cloudformation_json: Any, account_id: str,
                  region_name: str, **kwargs: Any) -> Any:
    if getattr(_importing, "active", False):
        existing = _s3(account_id).buckets.get(resource_name)
        if existing is not None:
            return existing
    return _moto_bucket_from_cfn(cls, resource_name, cloudformation_json, account_id, region_name,
                                 **kwargs)


FakeBucket.create_from_cloudformation_json = classmethod(_adopt_bucket)  # type: ignore[method-assign,assignment]

_moto_delete_resource = ResourceMap._delete_resource


def _delete_network_resource(self: ResourceMap, parsed: Any, resource_json: dict[str, Any]) -> None:
    # moto's DeleteStack cannot delete these EC2 types (it has no CloudFormation delete for
    # them), so the VPC keeps dependencies and the whole delete fails with DependencyViolation.
    # CloudFormation deletes them all; do it through moto's EC2 backend. The delete loop calling
    # this retries what fails in later passes, so dependency order sorts itself out.
    from moto.ec2.models import ec2_backends
    from moto.iam.models import iam_backends

    ec2 = ec2_backends[self._account_id][self._region_name]
    kind = resource_json.get("Type")
    pid = getattr(parsed, "physical_resource_id", None)
    if kind == "AWS::EC2::VPCEndpoint":
        ec2.delete_vpc_endpoints([pid])
    elif kind == "AWS::EC2::NatGateway":
        ec2.delete_nat_gateway(pid)
    elif kind == "AWS::EC2::RouteTable":
        for association_id in list(getattr(parsed, "_associations", {})):
            ec2.disassociate_route_table(association_id)
        ec2.delete_route_table(pid)
    elif kind == "AWS::EC2::SubnetRouteTableAssociation":
        table = ec2.get_route_table(parsed.route_table_id)
        for association_id, subnet in list(table._associations.items()):
            if subnet == parsed.subnet_id:
                ec2.disassociate_route_table(association_id)
    elif kind == "AWS::EC2::VPCGatewayAttachment":
        gateway = ec2.internet_gateways.get(parsed.gateway_id)
        if gateway is not None and gateway.vpc is not None:
            ec2.detach_internet_gateway(parsed.gateway_id, parsed.vpc_id)
    elif kind == "AWS::EC2::InternetGateway":
        ec2.delete_internet_gateway(pid)
    elif kind == "AWS::EC2::EIP":
        ec2.release_address(allocation_id=getattr(parsed, "allocation_id", None))
    elif kind == "AWS::EC2::Route":
        pass  # goes with its route table
    elif kind == "AWS::IAM::InstanceProfile":
        iam = iam_backends[self._account_id]["global"]
        for role in list(parsed.roles):
            iam.remove_role_from_instance_profile(parsed.name, role.name)
        iam.delete_instance_profile(parsed.name)
    elif kind == "AWS::IAM::Role":
        # moto leaves a role with managed or inline policies in place: detach them first.
        iam = iam_backends[self._account_id]["global"]
        role = iam.get_role(pid)
        for arn in list(role.managed_policies):
            iam.detach_role_policy(arn, role.name)
        for name in list(role.policies):
            iam.delete_role_policy(role.name, name)
        for profile in list(iam.instance_profiles.values()):
            if any(r.name == role.name for r in profile.roles):
                iam.remove_role_from_instance_profile(profile.name, role.name)
        iam.delete_role(role.name)
    else:
        _moto_delete_resource(self, parsed, resource_json)


def _delete_resource_once(self: ResourceMap, parsed: Any, resource_json: dict[str, Any]) -> None:
    # As CloudFormation does, a resource already gone counts as deleted.
    try:
        _delete_network_resource(self, parsed, resource_json)
    except Exception as e:  # noqa: BLE001 - moto's error classes share no base but RESTError
        if not str(getattr(e, "error_type", getattr(e, "code", ""))).endswith("NotFound"):
            raise


ResourceMap._delete_resource = _delete_resource_once  # type: ignore[method-assign]

_moto_stack_from_s3_url = moto_cfn_responses.get_stack_from_s3_url


def _stack_from_s3_url(template_url: str, account_id: str, partition: str) -> str:
    # moto reads a path-style TemplateURL (http://host/bucket/key) only when the host is
    # "localhost"; ours is 127.0.0.1.
    return _moto_stack_from_s3_url(
        template_url.replace("//127.0.0.1:", "//localhost:", 1), account_id, partition
    )


moto_cfn_responses.get_stack_from_s3_url = _stack_from_s3_url


_CfnResponse = moto_cfn_responses.CloudFormationResponse
_moto_validate_different_update = _CfnResponse._validate_different_update
_moto_create_change_set = _CfnResponse.create_change_set
_creating_change_set = threading.local()


def _validate_different_update(self: Any, incoming_params: Any, stack_body: str, old_stack: Any):
    # moto refuses an UPDATE change set whose template and parameters match the stack with
    # UpdateStack's ValidationError "No updates are to be performed.". CloudFormation creates it
    # and ends it FAILED ("The submitted information didn't contain changes..."), which moto's
    # backend does too once this check lets it through. (Only when parameters are passed: without
    # any, moto skips the check.)
    if getattr(_creating_change_set, "active", False):
        return
    _moto_validate_different_update(self, incoming_params, stack_body, old_stack)


def _create_change_set(self: Any) -> Any:
    _creating_change_set.active = True
    try:
        return _moto_create_change_set(self)
    finally:
        _creating_change_set.active = False


_CfnResponse._validate_different_update = _validate_different_update  # type: ignore[method-assign]
_CfnResponse.create_change_set = _create_change_set  # type: ignore[method-assign]

_SUB_NAME = re.compile(r"\$\{([^}!][^}]*)\}")


def _references(template: Any) -> list[str]:
    # moto finds the parameters a resource uses by its Refs only: a resource whose parameter is
    # used in an Fn::Sub ("${ClusterGeneration}") is not updated when the parameter alone changes.
    refs: list[str] = []
    if isinstance(template, dict):
        for key, value in template.items():
            if key == "Ref":
                refs.append(value)
            elif key == "Fn::Sub":
                text = value[0] if isinstance(value, list) and value else value
                if isinstance(text, str):
                    refs.extend(name.split(".")[0] for name in _SUB_NAME.findall(text))
                if isinstance(value, list):
                    refs.extend(_references(value[1:]))
            else:
                refs.extend(_references(value))
    elif isinstance(template, list):
        for item in template:
            refs.extend(_references(item))
    return refs


moto_cfn_parsing.get_references_from_template = _references

_moto_change_set_diff = CfnChangeSet.diff


def _changed_parameters(old: dict[str, Any] | None, new: dict[str, Any] | None) -> set[str]:
    old = old or {}
    return {k for k, v in (new or {}).items() if old.get(k) != v}


def _cluster_name_changes(old_json: Any, new_json: Any, changed: set[str]) -> bool:
    """Whether an AWS::EMR::Cluster's Name changes: in the template, or through a parameter."""
    old_name = (old_json or {}).get("Properties", {}).get("Name")
    new_name = (new_json or {}).get("Properties", {}).get("Name")
    return old_name != new_name or bool(changed & set(_references(new_name)))


def _change_set_diff(self: Any) -> list[Any]:
    # moto lists what the template changes only. CloudFormation also lists (as Modify) the
    # resources whose properties use a parameter that changes, and says when a change replaces a
    # resource: an EMR cluster's new Name does.
    changes = _moto_change_set_diff(self)
    if self.change_set_type != "UPDATE":
        return changes
    resource_map = self.stack.resource_map
    changed = _changed_parameters(self.stack.parameters, self.parameters)
    new_resources = self.template_dict.get("Resources", {})
    listed = {c.logical_resource_id for c in changes}
    for name in resource_map.build_resource_diff(self.template_dict, self.parameters)["Modify"]:
        if name not in listed:
            changes.append(CfnChange("Modify", name, new_resources[name]["Type"]))
    for c in changes:
        if c.action == "Modify" and c.resource_type == "AWS::EMR::Cluster":
            old_json = resource_map._resource_json_map.get(c.logical_resource_id)
            replaced = _cluster_name_changes(old_json, new_resources.get(c.logical_resource_id),
                                             changed)
            c.replacement = "True" if replaced else "False"
    return changes


CfnChangeSet.diff = _change_set_diff  # type: ignore[method-assign]

_moto_cluster_from_cfn = EmrCluster.create_from_cloudformation_json.__func__  # type: ignore[attr-defined]


def _cluster_from_cfn(cls: Any, resource_name: str, cloudformation_json: Any, account_id: str,
                      region_name: str, **kwargs: Any) -> Any:
    # moto reads a cluster's Instances in RunJobFlow's snake_case only, so a cluster CloudFormation
    # creates ignores KeepJobFlowAliveWhenNoSteps and, having no steps, terminates at once. EMR
    # keeps such a cluster WAITING for steps (until its auto-termination policy ends it).
    instances = cloudformation_json.setdefault("Properties", {}).setdefault("Instances", {})
    for cfn_key, moto_key in (("KeepJobFlowAliveWhenNoSteps", "keep_job_flow_alive_when_no_steps"),
                              ("TerminationProtected", "termination_protected")):
        if cfn_key in instances:
            instances[moto_key] = instances[cfn_key]
    return _moto_cluster_from_cfn(cls, resource_name, cloudformation_json, account_id, region_name,
                                  **kwargs)


EmrCluster.create_from_cloudformation_json = classmethod(_cluster_from_cfn)  # type: ignore[method-assign,assignment]


def _update_cluster_from_cfn(cls: Any, original_resource: Any, new_resource_name: str,
                             cloudformation_json: Any, account_id: str, region_name: str) -> Any:
    # moto cannot update an AWS::EMR::Cluster (it has no update_from_cloudformation_json, and the
    # stack's entry for the cluster becomes None). On AWS a new Name, ReleaseLabel or LogUri -
    # like most of its properties - replaces it: CloudFormation creates the new cluster, then
    # deletes (terminates) the old one. Other changes keep it.
    props = cloudformation_json.get("Properties", {})
    if original_resource is not None and (
        props.get("Name"), props.get("ReleaseLabel"), props.get("LogUri")
    ) == (original_resource.name, original_resource.release_label, original_resource.log_uri):
        return original_resource
    fresh_json = json.loads(json.dumps(cloudformation_json))  # creating it fills in Instances
    replacement = _cluster_from_cfn(cls, new_resource_name, fresh_json, account_id, region_name)
    if original_resource is not None:
        emr_backends[account_id][region_name].terminate_job_flows([original_resource.id])
    return replacement


EmrCluster.update_from_cloudformation_json = classmethod(_update_cluster_from_cfn)  # type: ignore[method-assign,assignment]


# ------------------------------------------------------------------------------------------------
# Backend lookups
# ------------------------------------------------------------------------------------------------


def _backends(backend_dict: Any, account: str | None, region: str | None) -> Iterable[Any]:
    if region:
        yield backend_dict[account or DEFAULT_ACCOUNT_ID][region]
        return
    for acct, _region, backend in list(backend_dict.iter_backends()):
        if account is None or acct == account:
            yield backend


def _find_cluster(cluster_id: str, q: dict[str, Any]) -> Any:
    for b in _backends(emr_backends, q.get("account"), q.get("region")):
        if cluster_id in b.clusters:
            return b.clusters[cluster_id]
    raise ControlError(404, f"no EMR cluster {cluster_id}")


def _find_step(cluster: Any, step_id: str) -> Any:
    for s in cluster.steps:
        if s.id == step_id:
            return s
    raise ControlError(404, f"no step {step_id} on cluster {cluster.id}")


def _find_job_run(vc_id: str, job_id: str, q: dict[str, Any]) -> Any:
    for b in _backends(emrcontainers_backends, q.get("account"), q.get("region")):
        run = b.job_runs.get(job_id)
        if run is not None and run.virtual_cluster_id == vc_id:
            return run
    raise ControlError(404, f"no job run {job_id} in virtual cluster {vc_id}")


def _find_stack(name: str, q: dict[str, Any]) -> tuple[Any, Any]:
    for b in _backends(cloudformation_backends, q.get("account"), q.get("region")):
        for st in b.stacks.values():
            if st.name == name or st.stack_id == name:
                return b, st
        if name in b.deleted_stacks:
            return b, b.deleted_stacks[name]
    raise ControlError(404, f"no stack {name}")


def _is_delete_marker(obj: Any) -> bool:
    return type(obj).__name__ == "FakeDeleteMarker"


def _s3(account: str | None = None) -> Any:
    return s3_backends[account or DEFAULT_ACCOUNT_ID]["aws"]


def _split_s3_uri(uri: str) -> tuple[str, str]:
    m = re.match(r"^s3[an]?://([^/]+)/?(.*)$", uri or "")
    if not m:
        raise ControlError(400, f"not an s3:// URI: {uri!r}")
    return m.group(1), m.group(2)


def _join_key(prefix: str, *parts: str) -> str:
    prefix = prefix.strip("/")
    return "/".join(([prefix] if prefix else []) + list(parts))


def _put_object(bucket: str, key: str, data: bytes, account: str | None = None) -> None:
    backend = _s3(account)
    try:
        backend.get_bucket(bucket)
    except Exception as e:  # moto raises MissingBucket
        raise ControlError(404, f"no bucket {bucket}") from e
    backend.put_object(bucket, key, data)


def _body_bytes(spec: dict[str, Any]) -> bytes:
    if "base64" in spec:
        return base64.b64decode(spec["base64"])
    return str(spec.get("text", "")).encode()


def _write_logs(log_uri: str, key_parts: list[str], logs: dict[str, Any], account: str | None):
    """logs maps a file stem (stderr, stdout, controller, syslog) to its text; each is written
    gzipped as <log_uri>/<key_parts...>/<stem>.gz, as EMR does."""
    bucket, prefix = _split_s3_uri(log_uri)
    written = {}
    for stem, text in logs.items():
        if text is None:
            continue
        raw = text.encode() if isinstance(text, str) else bytes(text)
        key = _join_key(prefix, *key_parts, f"{stem}.gz")
        _put_object(bucket, key, gzip.compress(raw, mtime=0), account)
        written[stem] = f"s3://{bucket}/{key}"
    return written


# ------------------------------------------------------------------------------------------------
# EMR steps and clusters
# ------------------------------------------------------------------------------------------------

STEP_STATES = {"PENDING", "CANCEL_PENDING", "RUNNING", "COMPLETED", "CANCELLED", "FAILED",
               "INTERRUPTED"}  # fmt: skip
STEP_TERMINAL = {"COMPLETED", "CANCELLED", "FAILED", "INTERRUPTED"}
CLUSTER_STATES = {"STARTING", "BOOTSTRAPPING", "RUNNING", "WAITING", "TERMINATING", "TERMINATED",
                  "TERMINATED_WITH_ERRORS"}  # fmt: skip


def _step_json(cluster: Any, step: Any) -> dict[str, Any]:
    extra = getattr(step, "_emrctl", {})
    return {
        "cluster_id": cluster.id,
        "id": step.id,
        "name": step.name,
        "state": step.state,
        "action_on_failure": step.action_on_failure,
        "args": list(step.args or []),
        "created": _iso(step.creation_date_time),
        "started": _iso(step.start_date_time),
        "ended": _iso(step.end_date_time),
        "failure": extra.get("failure"),
        "state_change_reason": getattr(step, "last_state_change_reason", None),
    }


def _cluster_json(cluster: Any) -> dict[str, Any]:
    return {
        "id": cluster.id,
        "name": cluster.name,
        "state": cluster.state,
        "log_uri": cluster.log_uri,
        "code": getattr(cluster, "_emrctl", {}).get("code"),
        "message": getattr(cluster, "last_state_change_reason", None),
        "step_concurrency_level": cluster.step_concurrency_level,
        "keep_alive": bool(cluster.keep_job_flow_alive_when_no_steps),
    }


def _set_cluster_state(cluster: Any, state: str, code: str | None, message: str | None) -> None:
    if state not in CLUSTER_STATES:
        raise ControlError(400, f"cluster state must be one of {sorted(CLUSTER_STATES)}")
    cluster.state = state
    extra = cluster.__dict__.setdefault("_emrctl", {})
    extra["code"] = code
    cluster.last_state_change_reason = message
    if state in ("TERMINATED", "TERMINATED_WITH_ERRORS"):
        cluster.end_datetime = cluster.end_datetime or _now()
    if state in ("RUNNING", "WAITING"):
        cluster.ready_datetime = cluster.ready_datetime or _now()


def _step_logs(cluster: Any, step: Any, logs: dict[str, Any], spec: dict[str, Any]):
    log_uri = spec.get("log_uri") or cluster.log_uri
    if not log_uri:
        raise ControlError(409, f"cluster {cluster.id} has no LogUri; pass log_uri")
    return _write_logs(log_uri, [cluster.id, "steps", step.id], logs, spec.get("account"))


def _set_step_state(cluster: Any, step: Any, spec: dict[str, Any]) -> dict[str, Any]:
    """Moves one step to spec["state"] with timestamps, failure details and (optionally) log
    files; then, unless spec["cascade"] is false, does what EMR does next: ActionOnFailure on a
    failure, start the next PENDING step, and put the cluster in WAITING or TERMINATED when no
    step is left."""
    state = spec.get("state")
    if state not in STEP_STATES:
        raise ControlError(400, f"step state must be one of {sorted(STEP_STATES)}")
    written = {}
    if spec.get("logs"):
        written = _step_logs(cluster, step, spec["logs"], spec)
    now = _now()
    with _lock:
        extra = step.__dict__.setdefault("_emrctl", {})
        if state in ("RUNNING", "CANCEL_PENDING") or (state in STEP_TERMINAL and state != "CANCELLED"):
            step.start_date_time = step.start_date_time or now
        if state == "PENDING":
            step.start_date_time = None
            step.end_date_time = None
        if state in STEP_TERMINAL:
            step.end_date_time = now
        step.state = state
        if "state_change_reason" in spec:
            step.last_state_change_reason = spec["state_change_reason"]
        if state == "FAILED":
            extra["failure"] = {
                "Reason": spec.get("reason", "Unknown Error."),
                "Message": spec.get("message", "Step failed."),
                "LogFile": spec.get("log_file") or written.get("stderr"),
            }
            extra["failure"] = {k: v for k, v in extra["failure"].items() if v is not None}
        else:
            extra.pop("failure", None)
        if spec.get("cascade", True):
            _cascade(cluster, step)
    return {"step": _step_json(cluster, step), "logs": written, "cluster": _cluster_json(cluster)}


def _cascade(cluster: Any, changed: Any) -> None:
    now = _now()
    if changed.state == "FAILED":
        aof = changed.action_on_failure
        if aof in ("TERMINATE_CLUSTER", "TERMINATE_JOB_FLOW", "CANCEL_AND_WAIT"):
            for s in cluster.steps:
                if s.state == "PENDING":
                    s.state = "CANCELLED"
                    s.end_date_time = now
        if aof in ("TERMINATE_CLUSTER", "TERMINATE_JOB_FLOW"):
            _set_cluster_state(cluster, "TERMINATED_WITH_ERRORS", "STEP_FAILURE",
                               "Shut down as step failed")  # fmt: skip
            return
    if changed.state not in STEP_TERMINAL:
        return
    if cluster.state not in ("RUNNING", "WAITING"):
        return
    running = [s for s in cluster.steps if s.state in ("RUNNING", "CANCEL_PENDING")]
    pending = sorted((s for s in cluster.steps if s.state == "PENDING"),
                     key=lambda s: s.creation_date_time)  # fmt: skip
    free = max(1, int(cluster.step_concurrency_level or 1)) - len(running)
    for s in pending[: max(0, free)]:
        s.state = "RUNNING"
        s.start_date_time = now
        running.append(s)
    if running:
        cluster.state = "RUNNING"
    elif cluster.keep_job_flow_alive_when_no_steps:
        cluster.state = "WAITING"
    else:
        _set_cluster_state(cluster, "TERMINATED", "ALL_STEPS_COMPLETED", "Steps completed")


# ------------------------------------------------------------------------------------------------
# EMR on EKS job runs
# ------------------------------------------------------------------------------------------------

JOB_STATES = {"PENDING", "SUBMITTED", "RUNNING", "FAILED", "CANCELLED", "CANCEL_PENDING",
              "COMPLETED"}  # fmt: skip
JOB_TERMINAL = {"FAILED", "CANCELLED", "COMPLETED"}


def _job_json(run: Any) -> dict[str, Any]:
    return {
        "virtual_cluster_id": run.virtual_cluster_id,
        "id": run.id,
        "name": run.name,
        "state": run.state,
        "state_details": run.state_details,
        "failure_reason": run.failure_reason,
        "created": _iso(run.created_at),
        "finished": _iso(run.finished_at),
        "log_uri": _job_log_uri(run),
    }


def _job_log_uri(run: Any) -> str | None:
    co = run.configuration_overrides or {}
    mc = co.get("monitoringConfiguration") or {}
    return (mc.get("s3MonitoringConfiguration") or {}).get("logUri")


def _job_logs(run: Any, spec: dict[str, Any]) -> dict[str, Any]:
    """EMR on EKS layout under the job's s3MonitoringConfiguration.logUri:
    <vc>/jobs/<job>/containers/<spark-app-id>/spark-<job>-driver/{stdout,stderr}.gz and
    <vc>/jobs/<job>/containers/<job-runner-pod>/{stdout,stderr}.gz (the controller)."""
    log_uri = spec.get("log_uri") or _job_log_uri(run)
    if not log_uri:
        raise ControlError(409, f"job run {run.id} has no s3MonitoringConfiguration; pass log_uri")
    app_id = spec.get("spark_app_id") or "spark-" + uuid.uuid5(uuid.NAMESPACE_URL, run.id).hex
    base = [run.virtual_cluster_id, "jobs", run.id, "containers"]
    written: dict[str, Any] = {}
    account = spec.get("account")
    if spec.get("driver"):
        pod = spec.get("driver_pod") or f"spark-{run.id}-driver"
        for stem, uri in _write_logs(log_uri, base + [app_id, pod], spec["driver"], account).items():
            written[f"driver/{stem}"] = uri
    if spec.get("controller"):
        pod = spec.get("controller_pod") or f"{run.id}-controller"
        for stem, uri in _write_logs(log_uri, base + [pod], spec["controller"], account).items():
            written[f"controller/{stem}"] = uri
    return written


def _set_job_state(run: Any, spec: dict[str, Any]) -> dict[str, Any]:
    state = spec.get("state")
    if state not in JOB_STATES:
        raise ControlError(400, f"job run state must be one of {sorted(JOB_STATES)}")
    written = _job_logs(run, spec) if (spec.get("driver") or spec.get("controller")) else {}
    with _lock:
        run.state = state
        run.finished_at = _now() if state in JOB_TERMINAL else None
        if "state_details" in spec:
            run.state_details = spec["state_details"]
        if state == "FAILED":
            run.failure_reason = spec.get("failure_reason", "USER_ERROR")
            if "state_details" not in spec:
                run.state_details = "Jobrun failed. Main Spark container terminated with errors."
        else:
            run.failure_reason = None
    return {"job_run": _job_json(run), "logs": written}


# ------------------------------------------------------------------------------------------------
# CloudFormation: status, events, failure sequences
# ------------------------------------------------------------------------------------------------

STACK_STATUSES = {
    "CREATE_IN_PROGRESS", "CREATE_FAILED", "CREATE_COMPLETE", "ROLLBACK_IN_PROGRESS",
    "ROLLBACK_FAILED", "ROLLBACK_COMPLETE", "DELETE_IN_PROGRESS", "DELETE_FAILED",
    "DELETE_COMPLETE", "UPDATE_IN_PROGRESS", "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS",
    "UPDATE_COMPLETE", "UPDATE_FAILED", "UPDATE_ROLLBACK_IN_PROGRESS", "UPDATE_ROLLBACK_FAILED",
    "UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS", "UPDATE_ROLLBACK_COMPLETE",
    "REVIEW_IN_PROGRESS", "IMPORT_IN_PROGRESS", "IMPORT_COMPLETE", "IMPORT_ROLLBACK_IN_PROGRESS",
    "IMPORT_ROLLBACK_FAILED", "IMPORT_ROLLBACK_COMPLETE",
}  # fmt: skip


def _stack_resources(stack: Any) -> list[tuple[str, str, str]]:
    """(logical id, type, physical id) in template order."""
    out = []
    template = stack.template_dict or {}
    if not template.get("Resources") and isinstance(stack.template, str) and stack.template:
        try:  # a stack created by a change set keeps its template only as text
            template = stack.parse_template(stack.template)
        except Exception:
            template = {}
    for logical, res in (template.get("Resources") or {}).items():
        physical = ""
        try:
            obj = stack.resource_map._parsed_resources.get(logical)
            physical = getattr(obj, "physical_resource_id", "") or ""
        except Exception:
            pass
        out.append((logical, (res or {}).get("Type", ""), str(physical)))
    return out


def _failure_sequence(stack: Any, status: str, failure: dict[str, Any]) -> list[dict[str, Any]]:
    """The events CloudFormation writes when the resource failure["logical_id"] fails and the
    stack ends in `status`."""
    resources = _stack_resources(stack)
    logical = failure.get("logical_id") or (resources[-1][0] if resources else "Resource")
    rtype = failure.get("type") or next((t for lid, t, _ in resources if lid == logical), "")
    reason = failure.get("reason", "Resource handler returned message: \"Internal Failure\"")
    phys = {lid: p for lid, _, p in resources}

    def res(lid: str, st: str, why: str | None = None, typ: str | None = None) -> dict[str, Any]:
        t = typ if typ is not None else next((t for i, t, _ in resources if i == lid), rtype)
        return {"logical_id": lid, "type": t, "physical_id": phys.get(lid, ""), "status": st,
                "reason": why}  # fmt: skip

    def stk(st: str, why: str | None = None) -> dict[str, Any]:
        return {"status": st, "reason": why}

    ev: list[dict[str, Any]] = []
    if status in ("ROLLBACK_COMPLETE", "ROLLBACK_FAILED", "CREATE_FAILED"):
        ev.append(stk("CREATE_IN_PROGRESS", "User Initiated"))
        created = []
        for lid, _t, _p in resources:
            ev.append(res(lid, "CREATE_IN_PROGRESS"))
            if lid == logical:
                break
            ev.append(res(lid, "CREATE_IN_PROGRESS", "Resource creation Initiated"))
            ev.append(res(lid, "CREATE_COMPLETE"))
            created.append(lid)
        if logical not in [r[0] for r in resources]:
            ev.append(res(logical, "CREATE_IN_PROGRESS", typ=rtype))
        ev.append(res(logical, "CREATE_FAILED", reason, typ=rtype))
        summary = f"The following resource(s) failed to create: [{logical}]. "
        if status == "CREATE_FAILED":
            ev.append(stk("CREATE_FAILED", summary))
            return ev
        ev.append(stk("ROLLBACK_IN_PROGRESS", summary + "Rollback requested by user."))
        # Rollback deletes what was created, newest first; ROLLBACK_FAILED: the first such
        # deletion fails (the failed resource itself when nothing else had been created).
        stuck = (list(reversed(created)) or [logical])[0] if status == "ROLLBACK_FAILED" else None
        if stuck != logical:
            ev.append(res(logical, "DELETE_COMPLETE", typ=rtype))
        for lid in ([logical] if stuck == logical else []) + list(reversed(created)):
            ev.append(res(lid, "DELETE_IN_PROGRESS", typ=rtype if lid == logical else None))
            if lid == stuck:
                why = failure.get("rollback_reason", "Resource handler returned message: "
                                  "\"The bucket you tried to delete is not empty\"")  # fmt: skip
                ev.append(res(lid, "DELETE_FAILED", why, typ=rtype if lid == logical else None))
                ev.append(stk("ROLLBACK_FAILED", f"The following resource(s) failed to delete: "
                              f"[{lid}]. "))  # fmt: skip
                return ev
            ev.append(res(lid, "DELETE_COMPLETE"))
        ev.append(stk("ROLLBACK_COMPLETE"))
        return ev
    if status in ("UPDATE_ROLLBACK_COMPLETE", "UPDATE_ROLLBACK_FAILED", "UPDATE_FAILED"):
        ev.append(stk("UPDATE_IN_PROGRESS", "User Initiated"))
        ev.append(res(logical, "UPDATE_IN_PROGRESS", typ=rtype))
        ev.append(res(logical, "UPDATE_FAILED", reason, typ=rtype))
        summary = f"The following resource(s) failed to update: [{logical}]. "
        if status == "UPDATE_FAILED":
            ev.append(stk("UPDATE_FAILED", summary))
            return ev
        ev.append(stk("UPDATE_ROLLBACK_IN_PROGRESS", summary))
        ev.append(res(logical, "UPDATE_IN_PROGRESS", typ=rtype))
        if status == "UPDATE_ROLLBACK_FAILED":
            ev.append(res(logical, "UPDATE_FAILED",
                          failure.get("rollback_reason", reason), typ=rtype))  # fmt: skip
            ev.append(stk("UPDATE_ROLLBACK_FAILED", f"The following resource(s) failed to "
                          f"update: [{logical}]. "))  # fmt: skip
            return ev
        ev.append(res(logical, "UPDATE_COMPLETE", typ=rtype))
        ev.append(stk("UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS"))
        ev.append(stk("UPDATE_ROLLBACK_COMPLETE"))
        return ev
    if status == "DELETE_FAILED":
        ev.append(stk("DELETE_IN_PROGRESS", "User Initiated"))
        ev.append(res(logical, "DELETE_IN_PROGRESS", typ=rtype))
        ev.append(res(logical, "DELETE_FAILED", reason, typ=rtype))
        ev.append(stk("DELETE_FAILED", f"The following resource(s) failed to delete: "
                      f"[{logical}]. "))  # fmt: skip
        return ev
    raise ControlError(400, f"no failure sequence ends in {status}; pass explicit events")


def _append_stack_event(stack: Any, spec: dict[str, Any]) -> None:
    status = spec.get("status")
    if not status:
        raise ControlError(400, "every event needs a status")
    logical = spec.get("logical_id") or stack.name
    stack_level = logical == stack.name and not spec.get("type")
    event = CfnEvent(
        stack_id=stack.stack_id,
        stack_name=stack.name,
        logical_resource_id=logical,
        physical_resource_id=spec.get("physical_id", stack.stack_id if stack_level else ""),
        resource_type=spec.get("type") or ("AWS::CloudFormation::Stack" if stack_level else ""),
        resource_status=status,
        resource_status_reason=spec.get("reason"),
        resource_properties=spec.get("properties"),
    )
    stack.events.append(event)
    if stack_level:
        if status not in STACK_STATUSES:
            raise ControlError(400, f"unknown stack status {status}")
        stack.status = status
        stack.status_reason = spec.get("reason")  # serialized as StackStatusReason


def _last_operation_start(stack: Any, status: str) -> int | None:
    """Index of the stack-level event that started the stack's last operation, if that was the
    kind of operation (create, update, delete) a failure ending in `status` comes from: the
    failure sequence replaces what moto wrote for it (moto always claims success)."""
    start = ("UPDATE_IN_PROGRESS" if status.startswith("UPDATE") else
             "DELETE_IN_PROGRESS" if status.startswith("DELETE") else "CREATE_IN_PROGRESS")
    for i in range(len(stack.events) - 1, -1, -1):
        e = stack.events[i]
        if e.logical_resource_id == stack.name and e.resource_status in (
            "CREATE_IN_PROGRESS", "UPDATE_IN_PROGRESS", "DELETE_IN_PROGRESS"
        ):  # fmt: skip
            return i if e.resource_status == start else None
    return None


def _drop_events_since(stack: Any, count: int) -> None:
    del stack.events[count:]


def _stack_json(stack: Any) -> dict[str, Any]:
    return {
        "name": stack.name,
        "id": stack.stack_id,
        "status": stack.status,
        "reason": getattr(stack, "status_reason", None),
        "events": len(stack.events),
    }


def _apply_stack_spec(stack: Any, spec: dict[str, Any], replace_from: int | None = None):
    """Builds the event list (explicit `events`, or a failure sequence from `failure`, or one
    stack-level event for `status`) and applies it, spread over `over_seconds` if given."""
    status = spec.get("status")
    if status is not None and status not in STACK_STATUSES:
        raise ControlError(400, f"unknown stack status {status}")
    events = list(spec.get("events") or [])
    if spec.get("failure") is not None:
        events = _failure_sequence(stack, status or "ROLLBACK_COMPLETE", spec["failure"]) + events
    elif status and not any(not e.get("logical_id") and not e.get("type") for e in events):
        events.append({"status": status, "reason": spec.get("reason")})
    if spec.get("reason") and events and not events[-1].get("logical_id"):
        events[-1]["reason"] = spec["reason"]
    for e in events:
        if not e.get("status"):
            raise ControlError(400, "every event needs a status")
    if replace_from is None and spec.get("failure") is not None and spec.get("replace", True):
        replace_from = _last_operation_start(stack, status or "ROLLBACK_COMPLETE")
    if replace_from is not None:
        _drop_events_since(stack, replace_from)
    over = float(spec.get("over_seconds") or 0)
    if over <= 0 or len(events) < 2:
        for e in events:
            _append_stack_event(stack, e)
        return {"stack": _stack_json(stack), "applied": len(events), "scheduled": 0}
    # First event now, the rest spread evenly; the stack status follows its stack-level events.
    _append_stack_event(stack, events[0])
    step = over / (len(events) - 1)
    start = time.monotonic()
    with _lock:
        for i, e in enumerate(events[1:], start=1):
            _timers.append((start + i * step, lambda e=e: _append_stack_event(stack, e)))
    return {"stack": _stack_json(stack), "applied": 1, "scheduled": len(events) - 1}


# ------------------------------------------------------------------------------------------------
# Rules: scripted lifecycles the ticker thread applies (steps, job runs) and stack-operation
# failures applied right after moto handled the operation.
# ------------------------------------------------------------------------------------------------

_step_rules: list[dict[str, Any]] = []
_job_rules: list[dict[str, Any]] = []
_stack_rules: list[dict[str, Any]] = []
_bound: dict[str, dict[str, Any]] = {}  # step or job id -> {rule, bound_at, running_since}
_timers: list[tuple[float, Callable[[], None]]] = []
_rule_ids = iter(range(1, 1 << 62))


def _new_rule(spec: dict[str, Any], kind: str) -> dict[str, Any]:
    final = spec.get("final") or {}
    if kind == "step" and final.get("state", "COMPLETED") not in STEP_TERMINAL:
        raise ControlError(400, f"final.state must be one of {sorted(STEP_TERMINAL)}")
    if kind == "job" and final.get("state", "COMPLETED") not in JOB_TERMINAL:
        raise ControlError(400, f"final.state must be one of {sorted(JOB_TERMINAL)}")
    return {
        "id": next(_rule_ids),
        "match": dict(spec.get("match") or {}),
        "pending_seconds": float(spec.get("pending_seconds", 0)),
        "running_seconds": float(spec.get("running_seconds", 0)),
        "final": {"state": "COMPLETED", **final},
        "count": spec.get("count"),  # None: every matching step or job run
        "applied": 0,
        # Steps and job runs that exist now are left alone unless "existing" is true.
        "skip_ids": set() if spec.get("existing") else _existing_ids(kind),
    }


def _existing_ids(kind: str) -> set[str]:
    ids: set[str] = set()
    if kind == "step":
        for _a, _r, b in list(emr_backends.iter_backends()):
            for c in list(b.clusters.values()):
                ids.update(s.id for s in c.steps)
    else:
        for _a, _r, b in list(emrcontainers_backends.iter_backends()):
            ids.update(b.job_runs)
    return ids


def _matches(match: dict[str, Any], fields: dict[str, Any]) -> bool:
    for k, pattern in match.items():
        if not fnmatch.fnmatchcase(str(fields.get(k, "")), str(pattern)):
            return False
    return True


def _bind(obj_id: str, fields: dict[str, Any], rules: list[dict[str, Any]]) -> dict[str, Any]:
    if obj_id in _bound:
        return _bound[obj_id]
    for rule in rules:
        if rule["count"] is not None and rule["applied"] >= rule["count"]:
            continue
        if obj_id in rule["skip_ids"]:
            continue
        if _matches(rule["match"], fields):
            rule["applied"] += 1
            _bound[obj_id] = {"rule": rule, "bound_at": time.monotonic(), "running_since": None}
            return _bound[obj_id]
    _bound[obj_id] = {"rule": None}
    return _bound[obj_id]


_tick_lock = threading.Lock()  # one tick at a time: the ticker thread, or a request creating work


def _tick() -> None:
    with _tick_lock:
        _tick_once()


def _tick_once() -> None:
    now = time.monotonic()
    with _lock:
        due = [t for t in _timers if t[0] <= now]
        _timers[:] = [t for t in _timers if t[0] > now]
        cancels = [(k, v) for k, v in _pending_cancels.items() if v[0] <= now]
        for k, _ in cancels:
            del _pending_cancels[k]
    for _, fn in sorted(due, key=lambda t: t[0]):
        try:
            fn()
        except Exception as e:  # a stack reset under us, for instance
            logging.getLogger("emulator").warning("timer failed: %s", e)
    for _, (_, cluster, step) in cancels:
        if step.state == "CANCEL_PENDING":
            _set_step_state(cluster, step, {"state": "CANCELLED"})
    if _step_rules:
        _tick_steps(now)
    if _job_rules:
        _tick_jobs(now)


def _tick_steps(now: float) -> None:
    for _acct, _region, backend in list(emr_backends.iter_backends()):
        for cluster in list(backend.clusters.values()):
            for step in list(cluster.steps):
                with _lock:
                    b = _bind(step.id, {"name": step.name, "cluster_id": cluster.id,
                               "cluster_name": cluster.name}, _step_rules)  # fmt: skip
                rule = b.get("rule")
                if rule is None or step.state in STEP_TERMINAL:
                    continue
                if "pended" not in b:
                    b["pended"] = True
                    if rule["pending_seconds"] > 0 and step.state == "RUNNING":
                        _set_step_state(cluster, step, {"state": "PENDING", "cascade": False})
                if step.state == "PENDING":
                    busy = [s for s in cluster.steps if s.state in ("RUNNING", "CANCEL_PENDING")]
                    if (now - b["bound_at"] >= rule["pending_seconds"]
                            and len(busy) < max(1, int(cluster.step_concurrency_level or 1))):
                        _set_step_state(cluster, step, {"state": "RUNNING", "cascade": False})
                if step.state == "RUNNING":
                    b["running_since"] = b["running_since"] or now
                    if now - b["running_since"] >= rule["running_seconds"]:
                        _set_step_state(cluster, step, dict(rule["final"]))


def _tick_jobs(now: float) -> None:
    for _acct, _region, backend in list(emrcontainers_backends.iter_backends()):
        for run in list(backend.job_runs.values()):
            with _lock:
                b = _bind(run.id, {"name": run.name,
                          "virtual_cluster_id": run.virtual_cluster_id}, _job_rules)  # fmt: skip
            rule = b.get("rule")
            if rule is None or run.state in JOB_TERMINAL:
                continue
            if "pended" not in b:
                b["pended"] = True
                if rule["pending_seconds"] > 0 and run.state == "RUNNING":
                    _set_job_state(run, {"state": "PENDING"})
            if run.state in ("PENDING", "SUBMITTED"):
                elapsed = now - b["bound_at"]
                if elapsed >= rule["pending_seconds"]:
                    _set_job_state(run, {"state": "RUNNING"})
                elif run.state == "PENDING" and elapsed >= rule["pending_seconds"] / 2:
                    _set_job_state(run, {"state": "SUBMITTED"})
            if run.state == "RUNNING":
                b["running_since"] = b["running_since"] or now
                if now - b["running_since"] >= rule["running_seconds"]:
                    _set_job_state(run, dict(rule["final"]))


def _ticker(stop: threading.Event) -> None:
    while not stop.wait(0.05):
        try:
            _tick()
        except Exception as e:
            logging.getLogger("emulator").warning("tick failed: %s", e)


# ------------------------------------------------------------------------------------------------
# Request classification: service and operation of every AWS request (for faults and the log)
# ------------------------------------------------------------------------------------------------

_SIGNING_TO_SERVICE = {"elasticmapreduce": "emr", "monitoring": "cloudwatch", "email": "ses",
                       "states": "stepfunctions"}  # fmt: skip
_session = botocore.session.get_session()
_rest_tables: dict[str, list[tuple[Any, ...]]] = {}


def _canonical_service(name: str | None) -> str:
    name = (name or "").lower()
    return _SIGNING_TO_SERVICE.get(name, name)


def _rest_table(service: str) -> list[tuple[Any, ...]]:
    if service not in _rest_tables:
        table = []
        try:
            model = _session.get_service_model(service)
        except Exception:
            model = None
        for op in model.operation_names if model else []:
            om = model.operation_model(op)
            uri = om.http.get("requestUri", "/")
            path, _, query = uri.partition("?")
            rx = "^"
            literal = 0
            for part in re.split(r"(\{[^}]+\})", path):
                if part.startswith("{"):
                    rx += ".+" if part.endswith("+}") else "[^/]+"
                else:
                    rx += re.escape(part)
                    literal += len(part)
            rx += "/?$" if path != "/" else "$"
            lit_q = {}
            for kv in filter(None, query.split("&")):
                k, _, v = kv.partition("=")
                if k != "x-id":
                    lit_q[k] = v
            req_q, req_h = [], []
            shape = om.input_shape
            if shape is not None:
                for mname in shape.required_members:
                    m = shape.members[mname]
                    loc = m.serialization.get("location")
                    if loc == "querystring":
                        req_q.append(m.serialization.get("name", mname))
                    elif loc == "header":
                        req_h.append(m.serialization.get("name", mname).lower())
            table.append((op, om.http.get("method", "POST"), re.compile(rx), lit_q, req_q, req_h,
                          literal))  # fmt: skip
        _rest_tables[service] = table
    return _rest_tables[service]


def _rest_operation(service: str, method: str, path: str, query: dict[str, list[str]],
                    headers: dict[str, str]) -> str | None:  # fmt: skip
    best, best_score = None, -1
    for op, m, rx, lit_q, req_q, req_h, literal in _rest_table(service):
        if m != method or not rx.match(path):
            continue
        if any(k not in query or (v and v not in query[k]) for k, v in lit_q.items()):
            continue
        if any(q not in query for q in req_q) or any(h not in headers for h in req_h):
            continue
        score = 1000 * len(lit_q) + 100 * (len(req_q) + len(req_h)) + literal
        if score > best_score:
            best, best_score = op, score
    return best


def _classify(environ: dict[str, Any]) -> dict[str, Any]:
    """Returns service, operation, protocol (query|ec2|json|rest-json|rest-xml) and the access
    key of a request, reading a form-encoded body if needed (and putting it back)."""
    headers = {k[5:].replace("_", "-").lower(): v for k, v in environ.items()
               if k.startswith("HTTP_")}  # fmt: skip
    if "CONTENT_TYPE" in environ:
        headers["content-type"] = environ["CONTENT_TYPE"]
    query = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
    service, region, access_key = None, None, None
    m = re.search(r"Credential=([^/,\s]+)/\d{8}/([^/]+)/([^/]+)/aws4_request",
                  headers.get("authorization", ""))  # fmt: skip
    if m:
        access_key, region, service = m.group(1), m.group(2), m.group(3)
    elif "X-Amz-Credential" in query:
        parts = query["X-Amz-Credential"][0].split("/")
        if len(parts) >= 5:
            access_key, region, service = parts[0], parts[2], parts[3]
    service = _canonical_service(service) or "s3"
    operation, protocol = None, None
    target = headers.get("x-amz-target")
    body = b""
    ctype = headers.get("content-type", "")
    if ctype.startswith("application/x-www-form-urlencoded"):
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if 0 < length <= 16 * 1024 * 1024:
            body = environ["wsgi.input"].read(length)
            environ["wsgi.input"] = io.BytesIO(body)
    if target:
        operation = target.rsplit(".", 1)[-1]
        protocol = "json"
    else:
        action = (query.get("Action") or [None])[0]
        if action is None and body:
            action = (parse_qs(body.decode("utf-8", "replace")).get("Action") or [None])[0]
        if action:
            operation, protocol = action, ("ec2" if service == "ec2" else "query")
    if operation is None:
        path = unquote(environ.get("PATH_INFO", "/"))
        operation = _rest_operation(service, environ.get("REQUEST_METHOD", "GET"), path, query,
                                    headers)  # fmt: skip
        protocol = "rest-xml" if service in ("s3", "s3control", "route53", "cloudfront") else "rest-json"
    return {"service": service, "operation": operation, "protocol": protocol,
            "region": region, "access_key": access_key}  # fmt: skip


# ------------------------------------------------------------------------------------------------
# Faults
# ------------------------------------------------------------------------------------------------

_FAULT_KINDS = {
    # kind: (HTTP status, code for S3 (rest-xml), query, ec2, json and rest-json, message)
    "internal_error": (500, "InternalError", "InternalFailure", "InternalError", "InternalFailure",
                       "We encountered an internal error. Please try again."),
    "service_unavailable": (503, "ServiceUnavailable", "ServiceUnavailable", "Unavailable",
                            "ServiceUnavailableException", "Service is unable to handle request."),
    "slow_down": (503, "SlowDown", "SlowDown", "SlowDown", "SlowDown",
                  "Please reduce your request rate."),
    "throttling": (400, "SlowDown", "Throttling", "RequestLimitExceeded", "ThrottlingException",
                   "Rate exceeded"),
    "request_timeout": (400, "RequestTimeout", "RequestTimeout", "RequestTimeout",
                        "RequestTimeoutException",
                        "Your socket connection to the server was not read from or written to "
                        "within the timeout period. Idle connections will be closed."),
    "error": (500, "InternalError", "InternalFailure", "InternalError", "InternalFailure",
              "Injected error"),
}  # fmt: skip
_faults: list[dict[str, Any]] = []
_fault_ids = iter(range(1, 1 << 62))


def _new_fault(spec: dict[str, Any]) -> dict[str, Any]:
    kind = spec.get("kind", "internal_error")
    if kind not in _FAULT_KINDS and kind not in ("drop", "delay"):
        raise ControlError(400, f"kind must be one of {sorted(list(_FAULT_KINDS) + ['drop', 'delay'])}")
    when = spec.get("drop_at", "response")
    if kind == "drop" and when not in ("request", "response"):
        raise ControlError(400, "drop_at must be request or response")
    count = int(spec.get("count", 1))
    if count < 1:
        raise ControlError(400, "count must be >= 1")
    fault = {
        "id": next(_fault_ids),
        "service": _canonical_service(spec.get("service") or "*"),
        "operation": spec.get("operation") or "*",
        "method": (spec.get("method") or "*").upper(),
        "path_regex": spec.get("path_regex"),
        "kind": kind,
        "count": count,
        "skip": int(spec.get("skip", 0)),
        "hits": 0,
    }
    for k in ("status", "code", "message", "drop_at", "response_bytes", "request_bytes",
              "reset", "seconds", "retry_after"):  # fmt: skip
        if k in spec:
            fault[k] = spec[k]
    if kind == "drop":
        fault.setdefault("drop_at", "response")
    if fault["path_regex"]:
        re.compile(fault["path_regex"])
    return fault


def _take_fault(info: dict[str, Any], method: str, path: str) -> dict[str, Any] | None:
    with _lock:
        for f in _faults:
            if f["hits"] >= f["count"]:
                continue
            if not fnmatch.fnmatchcase(info["service"], f["service"]):
                continue
            if not fnmatch.fnmatchcase(info["operation"] or "", f["operation"]):
                continue
            if f["method"] != "*" and f["method"] != method:
                continue
            if f["path_regex"] and not re.search(f["path_regex"], path):
                continue
            if f["skip"] > 0:
                f["skip"] -= 1
                return None
            f["hits"] += 1
            return dict(f)
    return None


def _error_response(info: dict[str, Any], fault: dict[str, Any], method: str) -> Response:
    status, code_s3, code_query, code_ec2, code_json, message = _FAULT_KINDS[fault["kind"]]
    status = int(fault.get("status", status))
    proto = info["protocol"] or "rest-xml"
    default = {"query": code_query, "ec2": code_ec2, "json": code_json, "rest-json": code_json}
    code = fault.get("code") or default.get(proto, code_s3)
    if fault["kind"] == "throttling" and proto == "rest-xml" and "status" not in fault:
        status = 503  # S3 throttles with 503 SlowDown
    message = fault.get("message", message)
    if proto not in ("json", "rest-json"):
        code, message = xml_escape(str(code)), xml_escape(str(message))
    rid = str(uuid.uuid4())
    headers = {"x-amzn-RequestId": rid, "x-amz-request-id": rid}
    if "retry_after" in fault:
        headers["Retry-After"] = str(fault["retry_after"])
    if proto == "json":
        body = json.dumps({"__type": code, "message": message})
        ctype = "application/x-amz-json-1.1"
    elif proto == "rest-json":
        body = json.dumps({"message": message})
        headers["x-amzn-ErrorType"] = code
        ctype = "application/json"
    elif proto == "query":
        kind = "Receiver" if status >= 500 else "Sender"
        body = (f'<ErrorResponse xmlns="http://webservices.amazon.com/AWSFault/2005-15-09">'
                f"<Error><Type>{kind}</Type><Code>{code}</Code><Message>{message}</Message>"
                f"</Error><RequestId>{rid}</RequestId></ErrorResponse>")  # fmt: skip
        ctype = "text/xml"
    elif proto == "ec2":
        body = (f"<Response><Errors><Error><Code>{code}</Code><Message>{message}</Message>"
                f"</Error></Errors><RequestID>{rid}</RequestID></Response>")  # fmt: skip
        ctype = "text/xml;charset=UTF-8"
    else:
        body = (f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code>'
                f"<Message>{message}</Message><RequestId>{rid}</RequestId>"
                f"<HostId>{base64.b64encode(rid.encode()).decode()}</HostId></Error>")  # fmt: skip
        ctype = "application/xml"
    resp = Response(b"" if method == "HEAD" else body.encode(), status=status, headers=headers,
                    content_type=ctype)  # fmt: skip
    if method == "HEAD":
        resp.headers["Content-Length"] = str(len(body.encode()))
    return resp


class DropConnection(BaseException):
    """Raised by the app (not an Exception, so werkzeug's handlers let it through) to make the
    request handler send `data` raw and then close (FIN) or reset (RST) the connection."""

    def __init__(self, data: bytes, reset: bool):
        super().__init__("drop")
        self.data = data
        self.reset = reset


class Handler(MotoRequestHandler):
    def run_wsgi(self) -> None:
        try:
            super().run_wsgi()
        except DropConnection as d:
            self.close_connection = True
            try:
                if d.data:
                    self.wfile.write(d.data)
                    self.wfile.flush()
                if d.reset:
                    self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                               struct.pack("ii", 1, 0))  # fmt: skip
                    self.connection.close()
                else:
                    self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def log_request(self, code: Any = "-", size: Any = "-") -> None:
        if _VERBOSE:
            super().log_request(code, size)


_VERBOSE = False


def _drain(environ: dict[str, Any], limit: int | None = None) -> int:
    """Reads the request body (or its first `limit` bytes); returns how much was read."""
    stream = environ["wsgi.input"]
    try:
        remaining = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        remaining = 0
    chunked = environ.get("wsgi.input_terminated") and not remaining
    total = 0
    while True:
        want = 65536 if limit is None else min(65536, limit - total)
        if want <= 0:
            break
        if not chunked:
            want = min(want, remaining - total)
            if want <= 0:
                break
        chunk = stream.read(want)
        if not chunk:
            break
        total += len(chunk)
    return total


def _raw_response(status: str, headers: list[tuple[str, str]], body: bytes) -> bytes:
    lines = [f"HTTP/1.1 {status}"]
    have_length = False
    for k, v in headers:
        if k.lower() == "content-length":
            have_length = True
        if k.lower() in ("connection", "transfer-encoding"):
            continue
        lines.append(f"{k}: {v}")
    if not have_length:
        lines.append(f"Content-Length: {len(body)}")
    lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


# ------------------------------------------------------------------------------------------------
# Request log
# ------------------------------------------------------------------------------------------------

_requests: list[dict[str, Any]] = []
_request_seq = iter(range(1, 1 << 62))
_MAX_LOG = 20000


def _log_request(info: dict[str, Any], method: str, path: str, status: int | None,
                 fault: dict[str, Any] | None, started: float) -> None:  # fmt: skip
    entry = {
        "seq": next(_request_seq),
        "time": _iso(_now()),
        "service": info["service"],
        "operation": info["operation"],
        "method": method,
        "path": path,
        "status": status,
        "fault": None if fault is None else {"id": fault["id"], "kind": fault["kind"]},
        "access_key": info["access_key"],
        "region": info["region"],
        "ms": round((time.monotonic() - started) * 1000, 1),
    }
    with _lock:
        _requests.append(entry)
        if len(_requests) > _MAX_LOG:
            del _requests[: len(_requests) - _MAX_LOG]


# ------------------------------------------------------------------------------------------------
# Stack operations with rules: snapshot before moto handles them, apply the rule after.
# ------------------------------------------------------------------------------------------------

_STACK_OPS = {"CreateStack": "create", "UpdateStack": "update", "DeleteStack": "delete",
              "ExecuteChangeSet": None}  # fmt: skip


def _form_params(environ: dict[str, Any]) -> dict[str, str]:
    params = {k: v[0] for k, v in parse_qs(environ.get("QUERY_STRING", "")).items()}
    stream = environ.get("wsgi.input")
    if isinstance(stream, io.BytesIO):
        pos = stream.tell()
        params.update({k: v[0] for k, v in parse_qs(stream.read().decode("utf-8", "replace")).items()})
        stream.seek(pos)
    return params


def _stack_rule_before(info: dict[str, Any], environ: dict[str, Any]) -> dict[str, Any] | None:
    if info["service"] != "cloudformation" or info["operation"] not in _STACK_OPS or not _stack_rules:
        return None
    params = _form_params(environ)
    region = info["region"] or "us-east-1"
    backend = cloudformation_backends[DEFAULT_ACCOUNT_ID][region]
    op = _STACK_OPS[info["operation"]]
    name = params.get("StackName")
    if info["operation"] == "ExecuteChangeSet":
        cs_name = params.get("ChangeSetName", "")
        cs = backend.change_sets.get(cs_name) or next(
            (c for c in backend.change_sets.values()
             if c.change_set_name == cs_name and (not name or name in (c.stack_name, c.stack_id))),
            None,
        )  # fmt: skip
        if cs is None:
            return None
        name, op = cs.stack_name, cs.change_set_type.lower()
    with _lock:
        rule = next((r for r in _stack_rules
                     if (r["count"] is None or r["applied"] < r["count"])
                     and fnmatch.fnmatchcase(name or "", r["stack_name"])
                     and r["on"] in ("any", op)), None)  # fmt: skip
        if rule is None:
            return None
        rule["applied"] += 1
    before = {st.stack_id: len(st.events) for st in backend.stacks.values()}
    return {"rule": rule, "backend": backend, "name": name, "op": op, "before": before}


def _stack_rule_after(ctx: dict[str, Any], status: int | None) -> None:
    if status is None or status >= 300:
        return
    backend, name = ctx["backend"], ctx["name"]
    stack = next((s for s in backend.stacks.values() if name in (s.name, s.stack_id)), None)
    if stack is None and ctx["op"] == "delete":
        # moto deleted it; a DELETE_FAILED stack is still there on AWS: bring it back.
        stack = next((s for s in backend.deleted_stacks.values()
                      if s.stack_id in ctx["before"]), None)  # fmt: skip
        if stack is not None:
            backend.deleted_stacks.pop(stack.stack_id, None)
            backend.stacks[stack.stack_id] = stack
    if stack is None:
        return
    spec = dict(ctx["rule"]["result"])
    replace_from = ctx["before"].get(stack.stack_id, 0)
    _apply_stack_spec(stack, spec, replace_from=replace_from)


# ------------------------------------------------------------------------------------------------
# The control API
# ------------------------------------------------------------------------------------------------

_routes: list[tuple[str, re.Pattern[str], Callable[..., Any]]] = []


def route(method: str, pattern: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def deco(fn: Callable[..., Any]) -> Callable[..., Any]:
        _routes.append((method, re.compile("^" + pattern + "$"), fn))
        return fn

    return deco


def _route_doc(method: str, rx: re.Pattern[str]) -> str:
    return f"{method} {CONTROL_PREFIX}" + re.sub(r"[(][?]P<(\w+)>[^)]*[)]", r"{\1}", rx.pattern[1:-1])


@route("GET", "/health")
def _health(q: dict[str, Any], body: dict[str, Any]) -> Any:
    return {
        "ok": True,
        "moto": moto.__version__,
        "initial_no_auth_action_count": None
        if moto_settings.INITIAL_NO_AUTH_ACTION_COUNT == float("inf")
        else int(moto_settings.INITIAL_NO_AUTH_ACTION_COUNT),
        "routes": [_route_doc(m, p) for m, p, _ in _routes],
    }  # fmt: skip


@route("POST", "/reset")
def _reset(q: dict[str, Any], body: dict[str, Any]) -> Any:
    moto_api_backend.reset()
    with _lock:
        for lst in (_faults, _step_rules, _job_rules, _stack_rules, _requests, _timers):
            lst.clear()
        _bound.clear()
        _pending_cancels.clear()
    ActionAuthenticatorMixin.request_count = 0
    return {"ok": True}


@route("POST", "/auth")
def _auth(q: dict[str, Any], body: dict[str, Any]) -> Any:
    n = body.get("initial_no_auth_action_count")
    previous = moto_settings.INITIAL_NO_AUTH_ACTION_COUNT
    moto_settings.INITIAL_NO_AUTH_ACTION_COUNT = float("inf") if n is None else float(n)
    ActionAuthenticatorMixin.request_count = 0
    return {"previous": None if previous == float("inf") else int(previous),
            "initial_no_auth_action_count": n}  # fmt: skip


@route("GET", "/inventory")
def _inventory(q: dict[str, Any], body: dict[str, Any]) -> Any:
    out: dict[str, Any] = {"stacks": [], "buckets": [], "emr_clusters": [], "virtual_clusters": [],
                           "job_runs": []}  # fmt: skip
    for acct, region, b in list(cloudformation_backends.iter_backends()):
        for st in b.stacks.values():
            out["stacks"].append({**_stack_json(st), "region": region, "account": acct})
    for acct, _region, b in list(s3_backends.iter_backends()):
        for name, bucket in b.buckets.items():
            live = [k for k, obj in bucket.keys.items() if not _is_delete_marker(obj)]
            versions = sum(len(vs) for _, vs in bucket.keys.lists())
            out["buckets"].append({"name": name, "objects": len(live), "versions": versions,
                                   "account": acct})  # fmt: skip
    for acct, region, b in list(emr_backends.iter_backends()):
        for c in b.clusters.values():
            out["emr_clusters"].append({**_cluster_json(c), "region": region, "account": acct})
    for acct, region, b in list(emrcontainers_backends.iter_backends()):
        for vc in b.virtual_clusters.values():
            out["virtual_clusters"].append({"id": vc.id, "name": vc.name, "state": vc.state,
                                            "region": region})  # fmt: skip
        for run in b.job_runs.values():
            out["job_runs"].append(_job_json(run))
    return out


# --- EMR ---------------------------------------------------------------------------------------


@route("GET", "/emr/steps")
def _list_steps(q: dict[str, Any], body: dict[str, Any]) -> Any:
    steps = []
    for b in _backends(emr_backends, q.get("account"), q.get("region")):
        for c in b.clusters.values():
            if q.get("cluster_id") and c.id != q["cluster_id"]:
                continue
            for s in sorted(c.steps, key=lambda s: s.creation_date_time):
                if q.get("state") and s.state != q["state"]:
                    continue
                if q.get("name") and not fnmatch.fnmatchcase(s.name, q["name"]):
                    continue
                steps.append(_step_json(c, s))
    return {"steps": steps}


@route("POST", "/emr/clusters/(?P<cluster_id>[^/]+)/steps/(?P<step_id>[^/]+)/state")
def _post_step_state(q: dict[str, Any], body: dict[str, Any], cluster_id: str, step_id: str):
    cluster = _find_cluster(cluster_id, {**q, **body})
    return _set_step_state(cluster, _find_step(cluster, step_id), body)


@route("POST", "/emr/clusters/(?P<cluster_id>[^/]+)/steps/(?P<step_id>[^/]+)/logs")
def _post_step_logs(q: dict[str, Any], body: dict[str, Any], cluster_id: str, step_id: str):
    cluster = _find_cluster(cluster_id, {**q, **body})
    step = _find_step(cluster, step_id)
    logs = body.get("logs") or {k: body[k] for k in ("stderr", "stdout", "controller", "syslog")
                                if k in body}  # fmt: skip
    return {"logs": _step_logs(cluster, step, logs, body)}


@route("GET", "/emr/clusters")
def _list_clusters(q: dict[str, Any], body: dict[str, Any]) -> Any:
    return {"clusters": [_cluster_json(c) for b in _backends(emr_backends, q.get("account"),
                                                                q.get("region"))
                         for c in b.clusters.values()]}  # fmt: skip


@route("POST", "/emr/clusters/(?P<cluster_id>[^/]+)/state")
def _post_cluster_state(q: dict[str, Any], body: dict[str, Any], cluster_id: str):
    cluster = _find_cluster(cluster_id, {**q, **body})
    with _lock:
        _set_cluster_state(cluster, body.get("state"), body.get("code"), body.get("message"))
        if body.get("state") in ("TERMINATED", "TERMINATED_WITH_ERRORS"):
            for s in cluster.steps:
                if s.state in ("PENDING", "RUNNING", "CANCEL_PENDING"):
                    s.state = "CANCELLED"
                    s.end_date_time = _now()
    return {"cluster": _cluster_json(cluster)}


@route("GET", "/emr/step-rules")
def _get_step_rules(q: dict[str, Any], body: dict[str, Any]) -> Any:
    return {"rules": [_rule_json(r) for r in _step_rules]}


@route("POST", "/emr/step-rules")
def _post_step_rule(q: dict[str, Any], body: dict[str, Any]) -> Any:
    rule = _new_rule(body, "step")
    with _lock:
        _step_rules.append(rule)
    return {"rule": _rule_json(rule)}


@route("DELETE", "/emr/step-rules")
def _delete_step_rules(q: dict[str, Any], body: dict[str, Any]) -> Any:
    with _lock:
        _step_rules.clear()
    return {"ok": True}


def _rule_json(r: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in r.items() if k != "skip_ids"}


# --- EMR on EKS --------------------------------------------------------------------------------


@route("GET", "/emr-containers/job-runs")
def _list_job_runs(q: dict[str, Any], body: dict[str, Any]) -> Any:
    runs = []
    for b in _backends(emrcontainers_backends, q.get("account"), q.get("region")):
        for run in b.job_runs.values():
            if q.get("virtual_cluster_id") and run.virtual_cluster_id != q["virtual_cluster_id"]:
                continue
            if q.get("state") and run.state != q["state"]:
                continue
            runs.append(_job_json(run))
    return {"job_runs": runs}


@route("POST", "/emr-containers/virtual-clusters/(?P<vc>[^/]+)/job-runs/(?P<job>[^/]+)/state")
def _post_job_state(q: dict[str, Any], body: dict[str, Any], vc: str, job: str) -> Any:
    return _set_job_state(_find_job_run(vc, job, {**q, **body}), body)


@route("POST", "/emr-containers/virtual-clusters/(?P<vc>[^/]+)/job-runs/(?P<job>[^/]+)/logs")
def _post_job_logs(q: dict[str, Any], body: dict[str, Any], vc: str, job: str) -> Any:
    return {"logs": _job_logs(_find_job_run(vc, job, {**q, **body}), body)}


@route("GET", "/emr-containers/job-rules")
def _get_job_rules(q: dict[str, Any], body: dict[str, Any]) -> Any:
    return {"rules": [_rule_json(r) for r in _job_rules]}


@route("POST", "/emr-containers/job-rules")
def _post_job_rule(q: dict[str, Any], body: dict[str, Any]) -> Any:
    rule = _new_rule(body, "job")
    with _lock:
        _job_rules.append(rule)
    return {"rule": _rule_json(rule)}


@route("DELETE", "/emr-containers/job-rules")
def _delete_job_rules(q: dict[str, Any], body: dict[str, Any]) -> Any:
    with _lock:
        _job_rules.clear()
    return {"ok": True}


# --- S3 ----------------------------------------------------------------------------------------


@route("POST", "/s3/objects")
def _post_object(q: dict[str, Any], body: dict[str, Any]) -> Any:
    bucket, key = body.get("bucket"), body.get("key")
    if "uri" in body:
        bucket, key = _split_s3_uri(body["uri"])
    if not bucket or not key:
        raise ControlError(400, "need bucket and key (or uri)")
    data = _body_bytes(body)
    if body.get("gzip"):
        data = gzip.compress(data, mtime=0)
    if body.get("create_bucket"):
        backend = _s3(body.get("account"))
        if bucket not in backend.buckets:
            backend.create_bucket(bucket, body.get("region", "us-east-1"))
    _put_object(bucket, key, data, body.get("account"))
    return {"uri": f"s3://{bucket}/{key}", "size": len(data)}


@route("GET", "/s3/objects")
def _get_objects(q: dict[str, Any], body: dict[str, Any]) -> Any:
    backend = _s3(q.get("account"))
    bucket = q.get("bucket")
    if bucket not in backend.buckets:
        raise ControlError(404, f"no bucket {bucket}")
    prefix = q.get("prefix", "")
    objs = []
    for key, obj in sorted(backend.buckets[bucket].keys.items(), key=lambda kv: kv[0]):
        if key.startswith(prefix) and not _is_delete_marker(obj):
            objs.append({"key": key, "size": obj.size, "etag": obj.etag.strip('"')})
    return {"bucket": bucket, "objects": objs}


# --- CloudFormation ----------------------------------------------------------------------------


@route("POST", "/cloudformation/stacks/(?P<name>[^/]+)/status")
def _post_stack_status(q: dict[str, Any], body: dict[str, Any], name: str) -> Any:
    _, stack = _find_stack(name, {**q, **body})
    if not body.get("status") and not body.get("events"):
        raise ControlError(400, "need status (and optionally failure/events) or events")
    return _apply_stack_spec(stack, body)


@route("POST", "/cloudformation/stacks/(?P<name>[^/]+)/events")
def _post_stack_events(q: dict[str, Any], body: dict[str, Any], name: str) -> Any:
    _, stack = _find_stack(name, {**q, **body})
    events = body.get("events") or ([body] if body.get("status") else [])
    if not events:
        raise ControlError(400, "need events: [{status, logical_id?, type?, reason?}]")
    return _apply_stack_spec(stack, {"events": events, "over_seconds": body.get("over_seconds")})


@route("GET", "/cloudformation/stacks/(?P<name>[^/]+)")
def _get_stack(q: dict[str, Any], body: dict[str, Any], name: str) -> Any:
    _, stack = _find_stack(name, q)
    events = [{"logical_id": e.logical_resource_id, "type": e.resource_type,
               "status": e.resource_status, "reason": e.resource_status_reason,
               "time": _iso(e.timestamp)} for e in stack.events]  # fmt: skip
    resources = [{"logical_id": lid, "type": t, "physical_id": p}
                 for lid, t, p in _stack_resources(stack)]  # fmt: skip
    parameters = {k: str(v) for k, v in (stack.parameters or {}).items()}
    return {**_stack_json(stack), "events": events, "resources": resources,
            "parameters": parameters}


@route("GET", "/cloudformation/stack-rules")
def _get_stack_rules(q: dict[str, Any], body: dict[str, Any]) -> Any:
    return {"rules": list(_stack_rules)}


@route("POST", "/cloudformation/stack-rules")
def _post_stack_rule(q: dict[str, Any], body: dict[str, Any]) -> Any:
    on = body.get("on", "any")
    if on not in ("create", "update", "delete", "any"):
        raise ControlError(400, "on must be create, update, delete or any")
    result = body.get("result") or {k: body[k] for k in ("status", "reason", "failure", "events",
                                                          "over_seconds") if k in body}  # fmt: skip
    if not result.get("status") and not result.get("events"):
        raise ControlError(400, "need status (and optionally failure/events/over_seconds)")
    if result.get("status") and result["status"] not in STACK_STATUSES:
        raise ControlError(400, f"unknown stack status {result['status']}")
    rule = {"id": next(_rule_ids), "stack_name": body.get("stack_name", "*"), "on": on,
            "result": result, "count": body.get("count", 1), "applied": 0}  # fmt: skip
    with _lock:
        _stack_rules.append(rule)
    return {"rule": rule}


@route("DELETE", "/cloudformation/stack-rules")
def _delete_stack_rules(q: dict[str, Any], body: dict[str, Any]) -> Any:
    with _lock:
        _stack_rules.clear()
    return {"ok": True}


# --- faults and the request log ----------------------------------------------------------------


@route("POST", "/faults")
def _post_fault(q: dict[str, Any], body: dict[str, Any]) -> Any:
    specs = body.get("faults") if isinstance(body.get("faults"), list) else [body]
    made = [_new_fault(s) for s in specs]
    with _lock:
        _faults.extend(made)
    return {"faults": made} if len(made) > 1 or "faults" in body else {"fault": made[0]}


@route("GET", "/faults")
def _get_faults(q: dict[str, Any], body: dict[str, Any]) -> Any:
    with _lock:
        return {"faults": [{**f, "remaining": f["count"] - f["hits"]} for f in _faults]}


@route("DELETE", "/faults")
def _delete_faults(q: dict[str, Any], body: dict[str, Any]) -> Any:
    with _lock:
        _faults.clear()
    return {"ok": True}


@route("GET", "/requests")
def _get_requests(q: dict[str, Any], body: dict[str, Any]) -> Any:
    since = int(q.get("since", 0))
    with _lock:
        out = [r for r in _requests if r["seq"] > since
               and (not q.get("service") or r["service"] == _canonical_service(q["service"]))
               and (not q.get("operation") or r["operation"] == q["operation"])]  # fmt: skip
    return {"requests": out, "last_seq": out[-1]["seq"] if out else since}


@route("DELETE", "/requests")
def _delete_requests(q: dict[str, Any], body: dict[str, Any]) -> Any:
    with _lock:
        _requests.clear()
    return {"ok": True}


def _control(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
    req = Request(environ)
    path = req.path[len(CONTROL_PREFIX):] or "/"
    q = {k: v for k, v in req.args.items()}
    status, payload = 404, {"error": f"no route {req.method} {req.path}"}
    try:
        body: dict[str, Any] = {}
        raw = req.get_data()
        if raw.strip():
            body = json.loads(raw)
            if not isinstance(body, dict):
                raise ControlError(400, "the request body must be a JSON object")
        allowed = []
        for method, rx, fn in _routes:
            m = rx.match(path)
            if not m:
                continue
            allowed.append(method)
            if method == req.method:
                status, payload = 200, fn(q, body, **m.groupdict())
                break
        else:
            if allowed:
                status, payload = 405, {"error": f"{req.method} not allowed; use {allowed}"}
    except ControlError as e:
        status, payload = e.status, {"error": e.message}
    except json.JSONDecodeError as e:
        status, payload = 400, {"error": f"bad JSON: {e}"}
    except Exception as e:  # a bug here must show, not hang a test
        logging.getLogger("emulator").exception("control %s %s", req.method, req.path)
        status, payload = 500, {"error": f"{type(e).__name__}: {e}"}
    resp = Response(json.dumps(payload, default=str, indent=1) + "\n", status=status,
                    content_type="application/json")  # fmt: skip
    return resp(environ, start_response)


# ------------------------------------------------------------------------------------------------
# The WSGI application: control API, faults, request log, then moto
# ------------------------------------------------------------------------------------------------


_CREATES = {"AddJobFlowSteps", "RunJobFlow", "StartJobRun"}


class EmulatorApp:
    def __init__(self) -> None:
        self.moto = DomainDispatcherApplication(create_backend_app)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]):
        path = environ.get("PATH_INFO", "")
        if path == CONTROL_PREFIX or path.startswith(CONTROL_PREFIX + "/"):
            return _control(environ, start_response)
        started = time.monotonic()
        method = environ.get("REQUEST_METHOD", "GET")
        info = _classify(environ)
        fault = _take_fault(info, method, path)
        if fault is not None:
            if fault["kind"] == "delay":
                time.sleep(float(fault.get("seconds", 1.0)))
            elif fault["kind"] == "drop":
                return self._drop(environ, info, fault, method, path, started)
            else:
                _drain(environ)
                resp = _error_response(info, fault, method)
                _log_request(info, method, path, resp.status_code, fault, started)
                return resp(environ, start_response)
        stack_ctx = _stack_rule_before(info, environ)
        captured: dict[str, Any] = {}

        def sr(status: str, headers: list[tuple[str, str]], exc_info: Any = None):
            captured["status"] = int(status.split()[0])
            return start_response(status, headers, exc_info)

        result = self.moto(environ, sr)
        if info["operation"] in _CREATES and (_step_rules or _job_rules):
            _tick()  # rules apply before the client can see the new step or job run
        if stack_ctx is not None:
            _stack_rule_after(stack_ctx, captured.get("status"))
        _log_request(info, method, path, captured.get("status"), fault, started)
        return result

    def _drop(self, environ, info, fault, method, path, started):  # type: ignore[no-untyped-def]
        reset = bool(fault.get("reset", fault["drop_at"] == "request"))
        if fault["drop_at"] == "request":
            # Read part of the request body (a "mid-upload" failure), then drop: moto never sees it.
            _drain(environ, int(fault.get("request_bytes", 0)))
            _log_request(info, method, path, None, fault, started)
            raise DropConnection(b"", reset)
        # Let moto do the work (the side effect happens), then lose part of the reply.
        captured: dict[str, Any] = {}

        def sr(status: str, headers: list[tuple[str, str]], exc_info: Any = None):
            captured["status"], captured["headers"] = status, headers
            return lambda data: None

        chunks = self.moto(environ, sr)
        body = b"".join(chunks)
        if hasattr(chunks, "close"):
            chunks.close()
        raw = _raw_response(captured["status"], captured["headers"],
                            b"" if method == "HEAD" else body)  # fmt: skip
        # response_bytes: how much of the body to send after the status line and headers
        # (default: half of it); a negative value sends nothing at all.
        head_len = raw.index(b"\r\n\r\n") + 4
        n = fault.get("response_bytes")
        n = len(body) // 2 if n is None else int(n)
        cut = 0 if n < 0 else head_len + min(n, max(0, len(body) - 1))
        _log_request(info, method, path, int(captured["status"].split()[0]), fault, started)
        raise DropConnection(raw[:cut], reset)


# ------------------------------------------------------------------------------------------------
# main
# ------------------------------------------------------------------------------------------------


def _stdin_is_watchable() -> bool:
    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def main() -> int:
    global _VERBOSE
    args = _ARGS or _parse_args([])
    _VERBOSE = args.verbose
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="emulator: %(levelname)s %(message)s", stream=sys.stderr)  # fmt: skip
    if not args.verbose:
        logging.getLogger("werkzeug").setLevel(logging.ERROR)

    t0 = time.monotonic()
    app = EmulatorApp()
    # Import the backends the tests use now, so the first request to each is not slow.
    for service in ("s3", "sts", "iam", "cloudformation", "emr", "emr-containers", "ec2", "eks"):
        app.moto.app_instances.setdefault(service, create_backend_app(service))
    server = make_server(HOST, args.port, app, threaded=True, request_handler=Handler)
    host, port = server.server_address[:2]
    assert host == HOST, host

    stop = threading.Event()

    def request_stop(*_: Any) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, request_stop)
    signal.signal(signal.SIGINT, request_stop)
    serving = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1},
                               name="serve", daemon=True)  # fmt: skip
    serving.start()
    threading.Thread(target=_ticker, args=(stop,), name="ticker", daemon=True).start()
    if not args.no_stdin_watch and _stdin_is_watchable():
        def watch_stdin() -> None:
            while sys.stdin.buffer.read1(4096):
                pass
            stop.set()

        threading.Thread(target=watch_stdin, name="stdin", daemon=True).start()

    sys.stdout.write(f"READY {port}\n")
    sys.stdout.flush()
    logging.getLogger("emulator").info("listening on http://%s:%d after %.2fs (moto %s)",
                                       HOST, port, time.monotonic() - t0, moto.__version__)  # fmt: skip
    deadline = time.monotonic() + args.max_lifetime if args.max_lifetime > 0 else None
    while not stop.wait(0.2):
        if deadline is not None and time.monotonic() > deadline:
            print("emulator: --max-lifetime reached, stopping", file=sys.stderr)
            break
    t_stop = time.monotonic()
    server.shutdown()
    serving.join(timeout=5)
    server.server_close()
    logging.getLogger("emulator").info("stopped in %.2fs", time.monotonic() - t_stop)
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # skip tearing down moto's hundreds of modules: that alone takes ~1.5 s
