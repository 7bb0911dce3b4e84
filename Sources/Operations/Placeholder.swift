import DBAPICore
