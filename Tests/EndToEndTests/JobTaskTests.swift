import DBAPICore
import DBAPITestSupport
import Foundation
import XCTest

/// Runs scripts/dbapi_task.py with python3 the way the Databricks job runtime does.
final class JobTaskTests: XCTestCase {
    private let script = Fixtures.packageRoot.appendingPathComponent("scripts/dbapi_task.py").path

    private func python(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessOutcome {
        guard FileManager.default.isExecutableFile(atPath: Fixtures.binary.path) else {
            throw XCTSkip("dbapi binary not built; run 'swift build' first")
        }
        var changes: [String: String?] = ["DBAPI_BINARY": Fixtures.binary.path]
        for key in [
            "DATABRICKS_RUNTIME_VERSION", "DATABRICKS_HOST", "DATABRICKS_TOKEN", "DATABRICKS_CLIENT_ID", "DBAPI_ROOT", "PYTHONPATH",
            "DATABRICKS_AUTH_TYPE", "DATABRICKS_CONFIG_PROFILE", "ARM_CLIENT_SECRET", "DATABRICKS_OIDC_TOKEN", "DATABRICKS_OIDC_TOKEN_ENV",
            "DATABRICKS_OIDC_TOKEN_FILEPATH",
        ] {
            changes[key] = .some(nil)
        }
        for (key, value) in environment { changes[key] = value }
        return try runProcess(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3"] + arguments, environment: changes,
            directory: URL(fileURLWithPath: NSTemporaryDirectory()))
    }

    /// A stub `databricks.sdk.runtime.dbutils` and `dbruntime` context, as on a cluster.
    private func stubRuntime() -> TemporaryDirectory {
        let directory = TemporaryDirectory()
        directory.write("databricks/__init__.py", "")
        directory.write("databricks/sdk/__init__.py", "")
        directory.write(
            "databricks/sdk/runtime.py",
            """
            import json, os
            class _TaskValues:
                def set(self, key, value):
                    with open(os.environ["TASK_VALUES_FILE"], "a") as f:
                        f.write(json.dumps({"key": key, "value": value}) + "\\n")
            class _Jobs:
                taskValues = _TaskValues()
            class _DBUtils:
                jobs = _Jobs()
            dbutils = _DBUtils()
            """)
        directory.write("dbruntime/__init__.py", "")
        directory.write(
            "dbruntime/databricks_repl_context.py",
            """
            class _Context:
                workspaceUrl = "adb-123.azuredatabricks.net"
                apiToken = "dapi-secret-from-runtime"
            def get_context():
                return _Context()
            """)
        return directory
    }

    func testArgvForms_RunOnTheMockBackendOutsideAJob() throws {
        let forms: [[String]] = [
            ["run", "example/echo", "--param", "message=hi"],
            [#"["run", "example/echo", "--param", "message=hi"]"#],
            [#"{"command": "run", "operation": "example/echo", "params": {"message": "hi"}}"#],
        ]
        for form in forms {
            let outcome = try python([script] + form)
            XCTAssertEqual(outcome.status, 0, "\(form): \(outcome.stderr)")
            XCTAssertEqual(outcome.json?["data"]?["message"], .string("hi"), "\(form)")
            XCTAssertEqual(outcome.json?["meta"]?["backend"], .string("mock"), "\(form)")
        }
    }

    func testFailingOperation_ExitsNonZeroAndPublishesTheErrorCode() throws {
        let runtime = stubRuntime()
        let values = runtime.path + "/values.jsonl"
        let outcome = try python(
            [script, "run", "inventory/status", "--param", "sku=bad sku"],
            environment: ["PYTHONPATH": runtime.path, "TASK_VALUES_FILE": values])
        XCTAssertEqual(outcome.status, 65)
        XCTAssertEqual(outcome.json?["error"]?["code"], .string("INVALID_PARAMETER"))
        XCTAssertTrue(outcome.stderr.contains("dbapi_task: dbapi failed with INVALID_PARAMETER (exit status 65)"), outcome.stderr)
        let published = try JSONParser.parse(try String(contentsOfFile: values, encoding: .utf8).trimmingSpaces())
        XCTAssertEqual(published["key"], .string("dbapi"))
        XCTAssertEqual(published["value"]?["error_code"], .string("INVALID_PARAMETER"))
        XCTAssertEqual(published["value"]?["exit_status"], .int(65))
        XCTAssertEqual(published["value"]?["operation"], .string("inventory/status"))
    }

    func testInsideAJob_UsesDatabricksAndRuntimeCredentialsWithoutPrintingThem() throws {
        let runtime = stubRuntime()
        // A stand-in binary that reports what it was given (never the token itself).
        runtime.write(
            "fake-dbapi",
            """
            #!/bin/sh
            printf '{"status":"success","data":{"args":"%s","host":"%s","token_set":%s},"meta":{"operation":"x","queries":[{"rows":3}]}}\\n' \
              "$*" "$DATABRICKS_HOST" "$( [ -n "$DATABRICKS_TOKEN" ] && echo true || echo false )"
            """)
        let fake = runtime.path + "/fake-dbapi"  // not executable yet: the wrapper must fix the run bit
        let values = runtime.path + "/values.jsonl"
        let outcome = try python(
            [script, "run", "system/ping"],
            environment: [
                "PYTHONPATH": runtime.path, "TASK_VALUES_FILE": values, "DATABRICKS_RUNTIME_VERSION": "15.4", "DBAPI_BINARY": fake,
            ])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.json?["data"]?["args"], .string("run system/ping --backend databricks"))
        XCTAssertEqual(outcome.json?["data"]?["host"], .string("https://adb-123.azuredatabricks.net"))
        XCTAssertEqual(outcome.json?["data"]?["token_set"], .bool(true))
        XCTAssertFalse(outcome.stdout.contains("dapi-secret") || outcome.stderr.contains("dapi-secret"))
        let published = try String(contentsOfFile: values, encoding: .utf8)
        XCTAssertFalse(published.contains("dapi-secret"))
        XCTAssertEqual(try JSONParser.parse(published.trimmingSpaces())["value"]?["rows"], .int(3))
        let explicitHost = try python(
            [script, "run", "system/ping", "--backend", "mock"],
            environment: [
                "PYTHONPATH": runtime.path, "TASK_VALUES_FILE": values, "DATABRICKS_RUNTIME_VERSION": "15.4",
                "DBAPI_BINARY": fake, "DATABRICKS_HOST": "https://mine.example.com", "DATABRICKS_TOKEN": "t",
            ])
        XCTAssertEqual(explicitHost.json?["data"]?["args"], .string("run system/ping --backend mock"))
        XCTAssertEqual(explicitHost.json?["data"]?["host"], .string("https://mine.example.com"))
        // Another sign-in method configured: the host is filled in, no token is added beside it.
        for (name, value) in [("ARM_CLIENT_SECRET", "s"), ("DATABRICKS_AUTH_TYPE", "azure-cli"), ("DATABRICKS_OIDC_TOKEN_FILEPATH", "/t")] {
            let other = try python(
                [script, "run", "system/ping"],
                environment: [
                    "PYTHONPATH": runtime.path, "TASK_VALUES_FILE": values, "DATABRICKS_RUNTIME_VERSION": "15.4", "DBAPI_BINARY": fake,
                    name: value,
                ])
            XCTAssertEqual(other.json?["data"]?["host"], .string("https://adb-123.azuredatabricks.net"), name)
            XCTAssertEqual(other.json?["data"]?["token_set"], .bool(false), name)
        }
    }

    func testMissingBinary_IsAClearFailure() throws {
        let outcome = try python([script, "run", "system/ping"], environment: ["DBAPI_BINARY": "/nonexistent/dbapi"])
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stderr.contains("dbapi_task: no dbapi binary found"), outcome.stderr)
    }

    /// Builds the wheel around the built binary, installs it into a fresh venv, runs `dbapi`.
    func testWheel_InstallsAWorkingDbapiCommand() throws {
        let work = TemporaryDirectory()
        let build = try python([
            Fixtures.packageRoot.appendingPathComponent("scripts/build_wheel.py").path, "--binary", Fixtures.binary.path,
            "--version", "0.0.0", "--out", work.path + "/dist",
        ])
        XCTAssertEqual(build.status, 0, build.stderr)
        let wheel = build.stdout.trimmingSpaces()
        XCTAssertTrue(wheel.hasSuffix("dbapi_job-0.0.0-py3-none-manylinux_2_35_x86_64.whl"), wheel)
        let venv = try python(["-m", "venv", work.path + "/venv"])
        XCTAssertEqual(venv.status, 0, venv.stderr)
        let pip = Process()
        pip.executableURL = URL(fileURLWithPath: work.path + "/venv/bin/pip")
        pip.arguments = ["install", "--no-index", "--quiet", wheel]
        try pip.run()
        pip.waitUntilExit()
        XCTAssertEqual(pip.terminationStatus, 0)
        let run = Process()
        run.executableURL = URL(fileURLWithPath: work.path + "/venv/bin/dbapi")
        run.arguments = ["run", "sales/top-products", "--param", "top_n=2"]
        run.environment = ["PATH": "/usr/bin:/bin"]
        let out = Pipe()
        run.standardOutput = out
        try run.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        run.waitUntilExit()
        XCTAssertEqual(run.terminationStatus, 0)
        let envelope = try JSONParser.parse(bytes: [UInt8](data))
        XCTAssertEqual(envelope["data"]?["products"]?.array?.map { $0["rank"] }, [.int(1), .int(2)])
        XCTAssertEqual(envelope["meta"]?["backend"], .string("mock"))
    }
}
