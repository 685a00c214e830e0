#!/usr/bin/env python3
"""Independent client check: Debian's python3-grpcio (no pif code, no generated stubs) asks each
real service binary for grpc.health.v1 health and lists its API through server reflection, over
mutual TLS with pifctl's certificate of the dev PKI (deploy/make-dev-certs.sh); a plaintext
client gets no answer.

Needs PIF_TEST_PG (the throwaway cluster of tests/run-tests.sh) and PIF_BUILD_DIR; uses the dev
PKI in PIF_TEST_IDENTITY when set (tests/run-tests.sh makes one), else makes one in a temporary
folder. Prints 'N passed, M failed' and exits non-zero on any failure.
"""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import grpc

SERVICES = {
    "pif-intake": "pif.intake.v1.IntakeService",
    "pif-indicators": "pif.indicators.v1.IndicatorsService",
    "pif-workforce": "pif.workforce.v1.WorkforceService",
    "pif-reporting": "pif.reporting.v1.ReportingService",
}


def varint(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def field_bytes(number, payload):
    return varint((number << 3) | 2) + varint(len(payload)) + payload


def parse_fields(data):
    """Yields (field number, wire type, value) of a protobuf message (varint and bytes only)."""
    i = 0
    while i < len(data):
        key, i = read_varint(data, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = read_varint(data, i)
        elif wire == 2:
            length, i = read_varint(data, i)
            value, i = data[i:i + length], i + length
        else:
            raise ValueError("unexpected wire type %d" % wire)
        yield number, wire, value


def read_varint(data, i):
    shift = result = 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return result, i


def health(channel, service):
    check = channel.unary_unary("/grpc.health.v1.Health/Check")
    request = field_bytes(1, service.encode()) if service else b""
    response = check(request, timeout=5)
    status = dict((n, v) for n, _, v in parse_fields(response)).get(1, 0)
    return {0: "UNKNOWN", 1: "SERVING", 2: "NOT_SERVING"}.get(status, str(status))


def reflection_request(channel, request):
    for method in ("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
                   "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"):
        try:
            call = channel.stream_stream(method)
            return next(iter(call(iter([request]), timeout=5)))
        except grpc.RpcError as error:
            if error.code() != grpc.StatusCode.UNIMPLEMENTED:
                raise
    raise RuntimeError("server reflection is not available")


def list_services(channel):
    response = reflection_request(channel, field_bytes(7, b"*"))
    names = []
    for number, _, value in parse_fields(response):
        if number == 6:  # list_services_response
            for n, _, service in parse_fields(value):
                if n == 1:
                    names.extend(v.decode() for m, _, v in parse_fields(service) if m == 1)
    return names


def describes_symbol(channel, symbol):
    """True when reflection returns a file descriptor defining `symbol` (e.g. a service)."""
    response = reflection_request(channel, field_bytes(4, symbol.encode()))
    for number, _, value in parse_fields(response):
        if number == 4:  # file_descriptor_response
            return any(n == 1 and len(v) > 0 for n, _, v in parse_fields(value))
    return False


REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ISSUER = "https://idp.pif.local"
AUDIENCE = "pif"


def dev_pki(build):
    """The folder of the dev PKI and identity provider, and the folder to remove afterwards."""
    shared = os.environ.get("PIF_TEST_IDENTITY")
    if shared:
        return shared, None
    made = tempfile.mkdtemp(prefix="pif-e2e-pki-")
    env = dict(os.environ, PIFCTL=os.path.join(build, "tools", "pifctl", "pifctl"))
    subprocess.run([os.path.join(REPO, "deploy", "make-dev-certs.sh"), made], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    return made, made


def service_flags(pki, service):
    """What a service binary needs to start: its certificate, the CA and the identity provider."""
    return ["--tls_ca_file=%s/ca.pem" % pki, "--tls_cert_file=%s/%s.pem" % (pki, service),
            "--tls_key_file=%s/%s.key" % (pki, service), "--jwks_file=%s/jwks.json" % pki,
            "--jwt_issuer=" + ISSUER, "--jwt_audience=" + AUDIENCE]


def tls_channel(pki, address):
    """A channel to `address` over mutual TLS with pifctl's certificate, trusting the dev CA."""
    def read(name):
        with open(os.path.join(pki, name), "rb") as f:
            return f.read()
    credentials = grpc.ssl_channel_credentials(root_certificates=read("ca.pem"),
                                               private_key=read("pifctl.key"),
                                               certificate_chain=read("pifctl.pem"))
    return grpc.secure_channel(address, credentials)


def answers_plaintext(address):
    """True when a plaintext client gets a health answer from `address`."""
    channel = grpc.insecure_channel(address)
    try:
        health(channel, "")
        return True
    except grpc.RpcError:
        return False
    finally:
        channel.close()


def start(binary, conninfo, log, flags):
    args = [binary, "--listen=127.0.0.1:0", "--database_url=" + conninfo,
            "--drain_seconds=5"] + flags
    process = subprocess.Popen(args, stdout=log, stderr=log)
    deadline = time.time() + 30
    while time.time() < deadline:
        log.flush()
        with open(log.name) as text:
            for line in text:
                try:
                    event = json.loads(line)
                except ValueError:
                    continue
                if event.get("event") == "serving":
                    return process, event["port"]
        if process.poll() is not None:
            break
        time.sleep(0.05)
    process.kill()
    with open(log.name) as text:
        raise RuntimeError("%s did not start:\n%s" % (binary, text.read()))


def main():
    build = os.environ.get("PIF_BUILD_DIR", os.path.join(os.path.dirname(__file__), "../../build"))
    server = os.environ["PIF_TEST_PG"]
    pki, made = dev_pki(build)
    passed = failed = 0

    def expect(condition, what):
        nonlocal passed, failed
        if condition:
            passed += 1
        else:
            failed += 1
            print("FAILED: " + what)

    for binary, service in SERVICES.items():
        path = os.path.join(build, "services", binary[4:], binary)
        database = "pif_e2e_%s_%08x" % (binary[4:], random.getrandbits(32))
        with tempfile.NamedTemporaryFile("w+", suffix=".log") as log:
            process, port = start(path, server + " dbname=" + database, log,
                                  service_flags(pki, binary[4:]))
            try:
                address = "127.0.0.1:%d" % port
                expect(not answers_plaintext(address), binary + " gives a plaintext client no answer")
                channel = tls_channel(pki, address)
                expect(health(channel, "") == "SERVING", binary + " server health is SERVING")
                expect(health(channel, service) == "SERVING", service + " health is SERVING")
                names = list_services(channel)
                expect(service in names, "%s reflection lists %s (got %s)" % (binary, service, names))
                expect("grpc.health.v1.Health" in names, binary + " reflection lists health")
                expect(describes_symbol(channel, service), binary + " reflection describes its API")
                channel.close()
            finally:
                process.send_signal(signal.SIGTERM)
                expect(process.wait(timeout=30) == 0, binary + " exits 0 on SIGTERM")
                subprocess.run(["psql", server + " dbname=postgres", "-qc",
                                "DROP DATABASE IF EXISTS %s WITH (FORCE)" % database],
                               check=False, capture_output=True)
        print("%s: over mutual TLS health SERVING, reflection lists %s" % (binary, service))
    if made:
        shutil.rmtree(made, ignore_errors=True)
    print("health_check: %d passed, %d failed" % (passed, failed))
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
