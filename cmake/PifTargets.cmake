# Helpers shared by every pif target: warnings as errors, embedded SQL migrations.

# Turns on the project's warning set (as errors) for a target of our own code.
function(pif_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
                                           -Wimplicit-fallthrough -Werror)
endfunction()

# Declares a project library with warnings on: pif_library(name SOURCES ... DEPS ...).
function(pif_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;PUBLIC_INCLUDE" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  pif_warnings(${name})
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
  if(ARG_PUBLIC_INCLUDE)
    target_include_directories(${name} PUBLIC ${ARG_PUBLIC_INCLUDE})
  endif()
endfunction()

# Declares a GoogleTest binary registered with CTest: pif_test(name SOURCES ... DEPS ... [LABELS ...]).
function(pif_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  pif_warnings(${name})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main GTest::gmock)
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES LABELS "${ARG_LABELS}")
endfunction()

# Compiles every V<NNN>__<name>.sql file of DIR into the binary, as the function
# `const std::vector<pif::pg::Migration>& <SYMBOL>()` declared by pif/common/migrations.h.
function(pif_embed_migrations target dir symbol)
  file(GLOB sql_files CONFIGURE_DEPENDS ${dir}/V*__*.sql)
  list(SORT sql_files)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${symbol}_migrations.cc)
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DSYMBOL=${symbol} "-DFILES=${sql_files}"
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedMigrations.cmake
    DEPENDS ${sql_files} ${PROJECT_SOURCE_DIR}/cmake/EmbedMigrations.cmake
    COMMENT "Embedding migrations of ${dir}"
    VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()
