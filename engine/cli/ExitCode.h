#pragma once
// The agents' exit codes, as the manual lists them.
namespace oas::cli {

enum ExitCode : int {
    Success = 0x00,           // done
    NotDone = 0x01,           // not done: command line, configuration, connection or fatal errors
    DoneWithWarnings = 0x3C,  // done, with warnings (including records written to the exceptions file)
};

}  // namespace oas::cli
