import DBAPICLI
import Foundation

exit(await DBAPICommandLine.run(arguments: Array(CommandLine.arguments.dropFirst())))
