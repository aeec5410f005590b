// Text for the CLI's tables: one line, at most `max_bytes`, never cut inside a
// UTF-8 character.
#ifndef NEWSGRAPH_CLI_TABLE_TEXT_H_
#define NEWSGRAPH_CLI_TABLE_TEXT_H_

#include <string>

namespace newsgraph::cli {

// Line breaks and tabs become spaces; text longer than max_bytes ends in "...".
std::string OneLine(std::string s, size_t max_bytes);

}  // namespace newsgraph::cli

#endif  // NEWSGRAPH_CLI_TABLE_TEXT_H_
