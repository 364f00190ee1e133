// The subcommands besides `build`, each a small table entry: the options it
// adds to the command line and the function that runs it. main.cc only
// collects them.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "build.h"
#include "console.h"
#include "diagnostics.h"

namespace ck::cli {

// Options every subcommand understands.
struct Common {
  std::string lang = "vi";
  bool quiet = false;
  std::string executable;  // argv[0], to find the installed themes
  Lang message_lang() const { return lang == "en" ? Lang::en : Lang::vi; }
  Console console() const { return detect_console(message_lang(), quiet); }
};

struct Command {
  CLI::App* app;
  std::function<int()> run;  // returns the exit status
};

// --procedures, --content, --themes, -j and the publishing flags (--drafts,
// --future, --now), shared by build, check and serve.
void add_source_options(CLI::App* cmd, BuildOptions& build);
// --now 2023-05-25T08:30 (Vietnam time), which pins "now" for tests.
CLI::Option* add_now_option(CLI::App* cmd, std::optional<long long>& now);
std::optional<long long> parse_now(const std::string& text);
// --themes when not given: ./themes or the installed ones.
void settle_themes_dir(BuildOptions& build, const Common& common);

Command add_check(CLI::App& app, const Common& common);
Command add_serve(CLI::App& app, const Common& common);
Command add_clean(CLI::App& app, const Common& common);
// `congkhai new <kind> …`: one subcommand per kind of file.
std::vector<Command> add_new(CLI::App& app, const Common& common);

// Exit statuses, as documented in the man page.
inline constexpr int kExitOk = 0;
inline constexpr int kExitProblems = 1;
inline constexpr int kExitUsage = 2;

}  // namespace ck::cli
