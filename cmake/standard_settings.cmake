# Interface targets every emrctl target links: one place for the language level, warnings and
# sanitizers, so no target can opt out by accident.
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

add_library(standard_settings INTERFACE)
target_compile_features(standard_settings INTERFACE cxx_std_23)
set(CMAKE_CXX_EXTENSIONS OFF)

add_library(standard_warnings INTERFACE)
target_compile_options(standard_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Werror
    -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Wunused -Woverloaded-virtual -Wnull-dereference -Wdouble-promotion
    -Wimplicit-fallthrough
    # g++ 12 flags designated initializers that leave members to their default initializers,
    # which is the point of writing them (fixed in GCC 13).
    -Wno-missing-field-initializers)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    # GCC 12 at -O2/-O3 reports impossible overlaps inside std::string concatenation (GCC bug
    # 105329), so optimized builds would fail on correct code.
    target_compile_options(standard_warnings INTERFACE -Wno-restrict)
endif()

if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    # libstdc++ 12 offers std::expected only when __cpp_concepts says 202002L, which clang before
    # 19 does not claim; clang 16 (the first with P0848, which libstdc++'s variant then relies
    # on) compiles it fine. Only the fuzz build uses clang.
    target_compile_options(standard_settings INTERFACE
        -U__cpp_concepts -D__cpp_concepts=202002L -Wno-builtin-macro-redefined)
endif()

if(EMRCTL_FUZZ)
    target_compile_options(standard_settings INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
        -fno-omit-frame-pointer)
    target_link_options(standard_settings INTERFACE -fsanitize=address,undefined)
endif()

if(EMRCTL_SANITIZE)
    target_compile_options(standard_settings INTERFACE
        -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(standard_settings INTERFACE -fsanitize=address,undefined)
endif()

# Fails the configure step if `target` links, directly or through its dependencies, a library
# whose name contains one of the given words: how the pure core is kept off the network.
function(emrctl_forbid_links target)
    set(pending ${target})
    set(seen "")
    while(pending)
        list(POP_FRONT pending current)
        if(current IN_LIST seen OR NOT TARGET ${current})
            continue()
        endif()
        list(APPEND seen ${current})
        get_target_property(links ${current} LINK_LIBRARIES)
        get_target_property(interface_links ${current} INTERFACE_LINK_LIBRARIES)
        foreach(link IN LISTS links interface_links)
            if(NOT link)
                continue()
            endif()
            string(REGEX REPLACE "^\\$<LINK_ONLY:(.*)>$" "\\1" link "${link}")
            foreach(word IN LISTS ARGN)
                string(TOLOWER "${link}" lower_link)
                string(TOLOWER "${word}" lower_word)
                if(lower_link MATCHES "(^|[^a-z])${lower_word}([^a-z]|$)")
                    message(FATAL_ERROR "${target} must not link ${link} (via ${current})")
                endif()
            endforeach()
            list(APPEND pending ${link})
        endforeach()
    endwhile()
endfunction()
