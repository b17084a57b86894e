# `jangkau surveillance detect` against R's surveillance package itself (installed by make test:
# scripts/install-deps.sh reference, Debian's r-cran-surveillance): on the package's own
# salmonella.agona data, two synthetic series with outbreaks and random seasonal Poisson and
# negative binomial series (fixed seed, some weeks missing), every week's upper bound to 1e-6 and
# every alarm exactly, for EARS C1, C2, C3 (earsC, defaults per method) and farringtonFlexible
# (defaults). A week R leaves with an NA alarm must be absent from our output.
#   Rscript tests/r/surveillance_reference.R JANGKAU_BINARY
suppressPackageStartupMessages(library(surveillance))
args <- commandArgs(trailingOnly = TRUE)
jangkau <- args[1]
tmp <- tempfile("surveillance")
dir.create(tmp)
set.seed(20261203)
failures <- 0
compared <- 0

ours <- function(y, method) {
  input <- file.path(tmp, "in.csv")
  output <- file.path(tmp, "out.csv")
  write.csv(data.frame(week = seq_along(y), cases = y), input, row.names = FALSE, na = "")
  status <- system2(jangkau, c("surveillance", "detect", input, "--method", method, "--out", output),
                    stdout = FALSE, stderr = FALSE)
  if (status != 0) stop(sprintf("jangkau surveillance detect --method %s failed (%d)", method, status))
  read.csv(output, colClasses = c("integer", "numeric", "numeric", "integer"))
}

compare <- function(label, y, method, r) {
  mine <- ours(y, method)
  rows <- which(!is.na(alarms(r)[, 1]))
  ub <- upperbound(r)[rows, 1]
  al <- as.integer(alarms(r)[rows, 1])
  # The rows of r are the range; their week index is the row of the input series.
  ok <- TRUE
  if (nrow(mine) != length(rows)) {
    ok <- FALSE
    cat(sprintf("%s %s: %d rows, R has %d with an alarm\n", label, method, nrow(mine), length(rows)))
  } else {
    for (i in seq_along(rows)) {
      a <- mine$threshold[i]
      b <- ub[i]
      same_ub <- (is.na(a) && is.na(b)) || (!is.na(a) && !is.na(b) && abs(a - b) <= 1e-6)
      if (!same_ub || mine$alarm[i] != al[i]) {
        ok <- FALSE
        cat(sprintf("%s %s week %s: ours %s / %d, R %s / %d\n", label, method, mine$week[i],
                    format(a, digits = 10), mine$alarm[i], format(b, digits = 10), al[i]))
        break
      }
    }
  }
  compared <<- compared + length(rows)
  if (!ok) failures <<- failures + 1
}

check_series <- function(label, y) {
  s <- sts(observed = matrix(y, ncol = 1), start = c(2000, 1), frequency = 52)
  for (m in c("C1", "C2", "C3")) {
    r <- earsC(s, control = list(method = m))
    compare(label, y, paste0("ears-", tolower(m)), r)
  }
  if (length(y) >= 52 * 5 + 3 + 1) {
    r <- farringtonFlexible(s, control = list())
    compare(label, y, "farrington", r)
  }
}

data("salmonella.agona")
check_series("salmonella.agona", as.numeric(salmonella.agona$observed))
t <- 1:320
syn <- 6 + ((t * 17) %% 9) + ((t %% 52) %/% 13)
syn[290:292] <- syn[290:292] + c(10, 15, 8)
check_series("syn", syn)
t <- 1:330
syn2 <- 1 + (t %/% 45) + ((t * 7) %% 5)
syn2[t %% 11 == 0] <- 0
syn2[300:303] <- syn2[300:303] + 12
check_series("syn2", syn2)
for (k in 1:6) {
  n <- 300 + 10 * k
  season <- 4 + 3 * sin(2 * pi * (1:n) / 52) + (1:n) * 0.005 * k
  y <- if (k %% 2 == 0) rnbinom(n, mu = season, size = 3) else rpois(n, season)
  hit <- sample(270:(n - 4), 1)
  y[hit:(hit + 2)] <- y[hit:(hit + 2)] + rpois(3, 12)
  if (k == 3) y[c(100, 200, 280)] <- NA
  check_series(sprintf("random %d", k), y)
}
for (k in 1:4) check_series(sprintf("short %d", k), rpois(40, 3 + k))

cat(sprintf("%d week results compared, %d mismatching runs\n", compared, failures))
quit(status = if (failures == 0 && compared > 1000) 0 else 1)
