import DBAPICLI

let status = await DBAPICommandLine.run(arguments: Array(CommandLine.arguments.dropFirst()))
exit(status)
