import DBAPICLI
import Foundation

DBAPICommandLine.prepareProcess()
exit(await DBAPICommandLine.run(arguments: Array(CommandLine.arguments.dropFirst())))
