# Jangkau — the two commands are `make demo` and `make test` (see README.md).
# Every target installs missing Debian packages first (scripts/install-deps.sh).

BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
# Seconds of fuzzing per harness: in `make test` (4 harnesses) and in `make fuzz`.
FUZZ_TEST_SECONDS ?= 30
FUZZ_SECONDS ?= 600
JOBS       ?= $(shell nproc)
CMAKE_GEN  := $(shell command -v ninja >/dev/null 2>&1 && echo "-G Ninja")

.PHONY: all deps build web build-asan build-fuzz fuzz test test-fast test-asan lint demo bench clean format

all: build

deps:
	@bash scripts/install-deps.sh

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release -DCMAKE_EXPORT_COMPILE_COMMANDS=ON

build: deps $(BUILD)/CMakeCache.txt web
	cmake --build $(BUILD) -j $(JOBS)

# The web application (TypeScript, Vite) served by `jangkau serve` from web/dist.
web: deps
	bash scripts/build-web.sh

$(ASAN_BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(ASAN_BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DJANGKAU_SANITIZE=ON -DJANGKAU_BENCH=OFF

build-asan: deps $(ASAN_BUILD)/CMakeCache.txt
	cmake --build $(ASAN_BUILD) -j $(JOBS) --target jangkau_tests needs_engine_tests \
	  access_engine_tests plan_engine_tests emergency_engine_tests growth_engine_tests server_unit_tests jangkau

# The libFuzzer harnesses (tests/fuzz): clang-19 with ASan+UBSan and coverage instrumentation,
# in their own build directory (only the libraries the harnesses link are built there).
$(FUZZ_BUILD)/CMakeCache.txt: | deps
	CC=clang-19 CXX=clang++-19 cmake -S . -B $(FUZZ_BUILD) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug \
	  -DJANGKAU_FUZZ=ON -DJANGKAU_BENCH=OFF

build-fuzz: deps $(FUZZ_BUILD)/CMakeCache.txt
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzzers

# The whole suite: lint, every test of the release build, the unit tests again under
# AddressSanitizer + UndefinedBehaviorSanitizer, the fuzz harnesses on their seed corpus and
# regression inputs, then each fuzzed for FUZZ_TEST_SECONDS.
test: build lint build-asan build-fuzz
	@bash scripts/install-deps.sh e2e reference postgres
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	cd $(ASAN_BUILD) && ctest --output-on-failure -j $(JOBS) -L fast
	cd $(FUZZ_BUILD) && ctest --output-on-failure -L fuzz
	bash scripts/fuzz.sh --build $(FUZZ_BUILD) $(FUZZ_TEST_SECONDS)

# Longer fuzzing: every harness for FUZZ_SECONDS (default 600), e.g. `make fuzz FUZZ_SECONDS=3600`.
fuzz: build-fuzz
	bash scripts/fuzz.sh --build $(FUZZ_BUILD) $(FUZZ_SECONDS)

# The edit loop: unit tests only (label "fast").
test-fast: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS) -L fast

lint: build
	bash scripts/lint.sh $(BUILD)

format:
	clang-format -i $$(find src tests bench -name '*.cc' -o -name '*.h')

demo: build
	bash scripts/demo.sh $(BUILD)/jangkau

bench: build
	@bash scripts/install-deps.sh bench reference postgres
	bash scripts/bench.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD) out web/dist
