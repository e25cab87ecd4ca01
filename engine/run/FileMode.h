#pragma once
// Files that hold record values (traces, exceptions files, pair debug logs) are created for their owner only
// (0600), whatever the umask: they may hold personal data. OAS_FILE_MODE (octal, e.g. 0640) widens or
// narrows that for a site; data and reference files keep the umask, as other tools that hand files on do.

namespace oas::run {

// Sets the mode of the open file fd (its handle()); false when the system refuses.
bool makePrivate(int fd);
// The mode makePrivate gives: OAS_FILE_MODE when it is an octal mode, else 0600.
unsigned privateFileMode();

}  // namespace oas::run
