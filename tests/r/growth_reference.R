# Reference test (ctest growth_reference_r, label slow): jangkau's growth commands against R.
#  1. z-scores: weight-for-age recomputed in R from WHO's LMS table with R's own round(),
#     for a thousand children, must equal `jangkau growth zscore` exactly (the rounding).
#  2. prevalence with a survey design (clusters nested in strata, a stratum with one cluster,
#     sampling weights, some missing): R's `survey` package (svydesign, svyciprop logit on the
#     design's degrees of freedom, svymean), set up as WHO anthro 1.1.0 sets it up, must equal
#     `jangkau growth prevalence --cluster --strata --weights` to 1e-6.
# Usage: Rscript growth_reference.R JANGKAU_BINARY LMS_DIRECTORY
args <- commandArgs(trailingOnly = TRUE)
jangkau <- args[1]
lms_dir <- args[2]
suppressMessages(library(survey))
options(warn = -1)  # svyglm warns of non-integer successes with weights; expected
options(survey.lonely.psu = "adjust")
tmp <- tempfile("growth")
dir.create(tmp)
fail <- function(...) {
  cat("GAGAL / FAILED:", ..., "\n")
  quit(status = 1)
}

set.seed(20261202)
n <- 1200
strata <- sample(1:4, n, replace = TRUE)
cluster <- sample(1:9, n, replace = TRUE)  # numbered within strata (nest = TRUE)
strata[1:25] <- 5
cluster[1:25] <- 1  # a stratum with a single cluster
sex <- sample(1:2, n, replace = TRUE)
age <- round(runif(n, 0, 1900), 1)  # days; some beyond 1826
weight <- round(pmax(1.5, 3.3 + age / 1826 * 14 + rnorm(n, 0, 1.8)), 2)
lenhei <- round(49 + age / 1826 * 61 + rnorm(n, 0, 4.5), 1)
measure <- ifelse(age < 731, "l", "h")
measure[sample(n, 40)] <- "h"
oedema <- ifelse(runif(n) < 0.015, "y", "n")
sw <- round(runif(n, 40, 600), 3)
sw[sample(n, 8)] <- NA
input <- data.frame(sex, age, weight, lenhei, measure, oedema, cluster, strata, sw)
in_csv <- file.path(tmp, "in.csv")
write.csv(input, in_csv, row.names = FALSE, na = "")

run <- function(...) {
  status <- system2(jangkau, c(...), stdout = FALSE, stderr = FALSE)
  if (status != 0) fail("jangkau", ..., "exit", status)
}
z_csv <- file.path(tmp, "z.csv")
p_csv <- file.path(tmp, "p.csv")
run("growth", "zscore", in_csv, "--out", z_csv)
run("growth", "prevalence", in_csv, "--cluster", "cluster", "--strata", "strata",
    "--weights", "sw", "--out", p_csv)
z <- read.csv(z_csv)
p <- read.csv(p_csv, check.names = FALSE)

# ---- 1. weight-for-age with R's round() ----
lms <- read.csv(file.path(lms_dir, "weianthro.csv"))
days <- floor(age) + ifelse(age - floor(age) >= 0.5, 1, 0)
key <- match(paste(sex, days), paste(lms$sex, lms$age))
l <- lms$l[key]; m <- lms$m[key]; s <- lms$s[key]
zr <- ((weight / m)^l - 1) / (s * l)
at <- function(sd) m * (1 + l * s * sd)^(1 / l)
zr <- ifelse(zr > 3, 3 + (weight - at(3)) / (at(3) - at(2)), zr)
zr <- ifelse(zr < -3, -3 + (weight - at(-3)) / (at(-2) - at(-3)), zr)
zr <- round(zr, 2)
zr[oedema == "y" | age / 30.4375 >= 60 | is.na(key)] <- NA
if (!identical(is.na(zr), is.na(z$zwei))) fail("zwei missing where R has a value, or not")
both <- !is.na(zr)
if (sum(both) < 1000) fail("too few weight-for-age scores:", sum(both))
if (any(abs(zr[both] - z$zwei[both]) > 1e-9)) {
  i <- which(abs(zr - z$zwei) > 1e-9)[1]
  fail("zwei row", i, "R", zr[i], "jangkau", z$zwei[i])
}
cat("z-skor BB/U sama dengan R / weight-for-age equals R:", sum(both), "children\n")

# ---- 2. prevalence with the survey design, as anthro sets it up ----
d <- z
d$days <- days
d <- d[d$days <= 1826, ]
d$sw[is.na(d$sw)] <- 0
for (col in c("zlen", "zwei", "zwfl", "zbmi")) {
  f <- sub("^z", "f", col)
  d[[col]][!is.na(d[[f]]) & d[[f]] == 1] <- NA
}
aux <- function(col) ifelse(d$oedema == "y", -3.1, d[[col]])
d$HA <- d$zlen
d$WA <- aux("zwei")
d$WH <- aux("zwfl")
d$sexf <- factor(ifelse(d$csex == 1, "Male", "Female"), levels = c("Female", "Male"))
d$all <- "All"
design <- svydesign(ids = ~cluster, strata = ~strata, weights = ~sw, data = d, nest = TRUE)
df <- degf(design)
compared <- 0
check <- function(label, expected, got) {
  if (is.na(expected) != is.na(got) || (!is.na(expected) && abs(expected - got) > 1e-6)) {
    fail(label, "R", expected, "jangkau", got)
  }
  compared <<- compared + 1
}
for (ind in c("HA", "WA", "WH")) {
  for (cut in list(list("_2", function(x) x < -2), list("_3", function(x) x < -3),
                   list("2", function(x) x > 2))) {
    design$variables$prev <- as.integer(cut[[2]](d[[ind]]))
    column <- paste0(ind, cut[[1]])
    for (by in c("all", "sexf")) {
      est <- svyby(~prev, as.formula(paste0("~", by)), design, svymean, na.rm = TRUE)
      ci <- svyby(~prev, as.formula(paste0("~", by)), design, svyciprop, vartype = "ci",
                  df = df, method = "logit", na.rm.all = TRUE)
      for (g in seq_len(nrow(est))) {
        group <- if (by == "all") "All" else paste0("Sex: ", est[g, 1])
        row <- p[p$Group == group, ]
        r <- est[g, "prev"]
        check(paste(group, column, "r"), 100 * r, row[[paste0(column, "_r")]])
        check(paste(group, column, "se"), 100 * SE(est)[g], row[[paste0(column, "_se")]])
        if (r > 0 && r < 1) {
          check(paste(group, column, "ll"), 100 * ci[g, "ci_l"], row[[paste0(column, "_ll")]])
          check(paste(group, column, "ul"), 100 * ci[g, "ci_u"], row[[paste0(column, "_ul")]])
        }
      }
    }
  }
  # The mean z-score (oedema left out) with its interval on the design's degrees of freedom.
  design$variables$zmean <- d[[c(HA = "zlen", WA = "zwei", WH = "zwfl")[[ind]]]]
  m <- svyby(~zmean, ~sexf, design, svymean, na.rm = TRUE)
  ci <- confint(m, df = df)
  for (g in seq_len(nrow(m))) {
    row <- p[p$Group == paste0("Sex: ", m[g, 1]), ]
    check(paste(m[g, 1], ind, "mean"), m[g, "zmean"], row[[paste0(ind, "_r")]])
    check(paste(m[g, 1], ind, "mean ll"), ci[g, 1], row[[paste0(ind, "_ll")]])
    check(paste(m[g, 1], ind, "mean ul"), ci[g, 2], row[[paste0(ind, "_ul")]])
  }
}
cat("prevalensi desain survei sama dengan paket survey R / design-based prevalence equals R's survey:",
    compared, "values\n")
