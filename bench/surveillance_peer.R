# make bench: R's surveillance package (the reference the engine matches) on `n` random weekly
# series of five years: earsC C1, C2, C3 and farringtonFlexible with b years back, timed, and the
# time scaled to the 7,500 series of the province benchmark (docs/benchmarks.md).
suppressMessages(library(surveillance))
set.seed(20261203)
n <- as.integer(commandArgs(TRUE)[1]); b <- as.integer(commandArgs(TRUE)[2])
series <- lapply(seq_len(n), function(i) rpois(261, sample(c(0.1, 0.5, 1, 3, 8, 20, 50), 1)))
t_ears <- system.time(for (x in series) { s <- sts(observed = x, frequency = 52, start = c(2021, 1))
  for (m in c("C1", "C2", "C3")) earsC(s, control = list(method = m)) })[["elapsed"]]
t_far <- system.time(for (x in series) { s <- sts(observed = x, frequency = 52, start = c(2021, 1))
  farringtonFlexible(s, control = list(b = b, range = (52 * b + 4):261)) })[["elapsed"]]
cat(sprintf("%d series: earsC C1+C2+C3 %.2f s, farringtonFlexible b=%d %.2f s; x %.0f for 7,500 series: %.0f s\n",
            n, t_ears, b, t_far, 7500 / n, (t_ears + t_far) * 7500 / n))
