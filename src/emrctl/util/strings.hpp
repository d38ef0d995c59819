#pragma once

// Small string helpers that know nothing of emrctl's domain.

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace emrctl::util {

std::vector<std::string> split(std::string_view text, char separator);
std::string join(std::span<const std::string> parts, std::string_view separator);
std::string_view trim(std::string_view text);
bool starts_with_ci(std::string_view text, std::string_view prefix);
std::string to_lower(std::string_view text);

// Keeps only ASCII letters and digits: the job-name-to-folder rule of the argument contract.
std::string letters_and_digits(std::string_view text);

// Levenshtein distance, case-insensitive: the measure behind "did you mean".
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate closest to `word`, if it is close enough to be a likely typo; empty otherwise.
std::string closest_match(std::string_view word, std::span<const std::string_view> candidates);

// "a, b or c" for messages.
std::string one_of(std::span<const std::string_view> words);

// A string as a JSON string literal, quotes included (also a YAML double-quoted scalar).
std::string json_quote(std::string_view s);

}  // namespace emrctl::util
