# Shared build helpers.

# Warnings for our own code only (third-party headers come in as SYSTEM).
function(scenewright_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
endfunction()

# A static library for one module (folder = namespace = library = test folder): scenewright_module(NAME SOURCES ... LINKS ...)
function(scenewright_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LINKS;PRIVATE_LINKS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  set_target_properties(${name} PROPERTIES AUTOMOC ON)
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_LINKS} PRIVATE ${ARG_PRIVATE_LINKS})
  scenewright_warnings(${name})
endfunction()

# A GoogleTest executable registered with ctest, one ctest test per test case:
# scenewright_test(NAME [CUSTOM_MAIN] [TIMEOUT SECONDS] SOURCES ... LINKS ... [LABELS ...])
# Without CUSTOM_MAIN the test links scenewright_testsupport_main (tests/support: isolates the user
# folders, then runs the tests); a CUSTOM_MAIN suite brings its own main() (QApplication, ...), which
# calls sw::testsupport::isolateUserFolders() first (scenewright_testsupport_env, always linked).
# Every test case gets a ctest TIMEOUT (default 300 s): a hang fails instead of stalling CI. It is a
# safety net, not a speed goal (speed lives in bench/).
function(scenewright_test name)
  cmake_parse_arguments(ARG "CUSTOM_MAIN" "TIMEOUT" "SOURCES;LINKS;LABELS" ${ARGN})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  add_executable(${name} ${ARG_SOURCES})
  set_target_properties(${name} PROPERTIES AUTOMOC ON)
  target_link_libraries(${name} PRIVATE ${ARG_LINKS} scenewright_testsupport_env GTest::gtest
                                          GTest::gmock)
  if(NOT ARG_CUSTOM_MAIN)
    target_link_libraries(${name} PRIVATE scenewright_testsupport_main)
  endif()
  target_compile_definitions(${name} PRIVATE
    SW_SOURCE_DIR="${PROJECT_SOURCE_DIR}" SW_BINARY_DIR="${PROJECT_BINARY_DIR}")
  scenewright_warnings(${name})
  gtest_discover_tests(${name}
    PROPERTIES LABELS "${ARG_LABELS}" ENVIRONMENT "QT_QPA_PLATFORM=offscreen" TIMEOUT ${ARG_TIMEOUT}
    DISCOVERY_TIMEOUT 60)
endfunction()
