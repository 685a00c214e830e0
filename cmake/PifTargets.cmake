# Helpers shared by every pif target: warnings as errors, libraries with one include root each,
# tests, embedded SQL migrations.

# Records that `target`'s own headers and sources live under `root` (include/, src/), for
# tests/check-layers.py; pif_write_layer_map() writes the records into the build folder.
function(pif_record_root target root)
  set_property(GLOBAL APPEND PROPERTY PIF_TARGET_ROOTS "${target}=${root}")
endfunction()

# Writes build/pif-target-roots.txt: one "target=root" line per library and test of ours.
function(pif_write_layer_map)
  get_property(roots GLOBAL PROPERTY PIF_TARGET_ROOTS)
  list(JOIN roots "\n" text)
  file(GENERATE OUTPUT ${CMAKE_BINARY_DIR}/pif-target-roots.txt CONTENT "${text}\n")
endfunction()

# Turns on the project's warning set (as errors) for a target of our own code.
function(pif_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
                                           -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual
                                           -Wimplicit-fallthrough -Werror)
endfunction()

# The absolute paths of `sources`, relative ones taken from `root`.
function(pif_absolute_sources out root)
  set(result)
  foreach(source IN LISTS ARGN)
    if(IS_ABSOLUTE "${source}")
      list(APPEND result "${source}")
    else()
      list(APPEND result "${root}/${source}")
    endif()
  endforeach()
  set(${out} ${result} PARENT_SCOPE)
endfunction()

# Declares a project library with warnings on:
#   pif_library(name [ROOT dir] SOURCES ... DEPS ... [PRIVATE_DEPS ...])
# ROOT (default: this folder) holds include/ (the one public include root, whose headers are
# included as "pif/<owner>/..."), src/ (sources and private headers) and test/.
function(pif_library name)
  cmake_parse_arguments(ARG "" "ROOT" "SOURCES;DEPS;PRIVATE_DEPS;PUBLIC_INCLUDE" ${ARGN})
  set(root ${CMAKE_CURRENT_SOURCE_DIR})
  if(ARG_ROOT)
    set(root ${CMAKE_CURRENT_SOURCE_DIR}/${ARG_ROOT})
  endif()
  pif_absolute_sources(sources ${root} ${ARG_SOURCES})
  add_library(${name} STATIC ${sources})
  pif_warnings(${name})
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
  if(ARG_PRIVATE_DEPS)
    target_link_libraries(${name} PRIVATE ${ARG_PRIVATE_DEPS})
  endif()
  if(ARG_PUBLIC_INCLUDE)  # a service not yet in the shared shape (transitional)
    target_include_directories(${name} PUBLIC ${ARG_PUBLIC_INCLUDE})
  elseif(EXISTS ${root}/include)
    target_include_directories(${name} PUBLIC ${root}/include)
  endif()
  if(EXISTS ${root}/src)
    target_include_directories(${name} PRIVATE ${root}/src)
  endif()
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "pif_library(${name}): unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  pif_record_root(${name} ${root})
endfunction()

# Declares a header-only library of test helpers (fakes, builders) under ROOT/include:
#   pif_test_library(name [ROOT dir] DEPS ...)
function(pif_test_library name)
  cmake_parse_arguments(ARG "" "ROOT" "DEPS" ${ARGN})
  set(root ${CMAKE_CURRENT_SOURCE_DIR})
  if(ARG_ROOT)
    set(root ${CMAKE_CURRENT_SOURCE_DIR}/${ARG_ROOT})
  endif()
  add_library(${name} INTERFACE)
  target_include_directories(${name} INTERFACE ${root}/include)
  target_link_libraries(${name} INTERFACE ${ARG_DEPS})
  pif_record_root(${name} ${root})
endfunction()

# Declares a GoogleTest binary registered with CTest:
#   pif_test(name [ROOT dir] SOURCES ... DEPS ... [LABELS ...])
# Sources are relative to ROOT (default: this folder); ROOT/test and ROOT/src (the folder's
# private headers, for white-box tests) are on its include path.
function(pif_test name)
  cmake_parse_arguments(ARG "" "ROOT" "SOURCES;DEPS;LABELS" ${ARGN})
  set(root ${CMAKE_CURRENT_SOURCE_DIR})
  if(ARG_ROOT)
    set(root ${CMAKE_CURRENT_SOURCE_DIR}/${ARG_ROOT})
  endif()
  pif_absolute_sources(sources ${root} ${ARG_SOURCES})
  add_executable(${name} ${sources})
  pif_warnings(${name})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main GTest::gmock)
  foreach(private IN ITEMS test src)
    if(EXISTS ${root}/${private})
      target_include_directories(${name} PRIVATE ${root}/${private})
    endif()
  endforeach()
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES LABELS "${ARG_LABELS}")
endfunction()

# Compiles every V<NNN>__<name>.sql file of DIR into the binary, as the function
# `const std::vector<pif::pg::Migration>& <SYMBOL>()` declared by pif/pg/migrations.h.
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
