// The 8 king's moves' offers from one cell at once, with AVX2 (the relaxation's first pass,
// relax.h). The same arithmetic as the scalar pass, operation for operation and in the same
// precision: the friction of the two cells summed in double, times the move's factor, plus the
// cell's time, rounded once to float; no fused multiply-add (not in the "avx2" target), so
// every offer and every result is bit for bit the scalar one (tested). Reads rows r - 1 to r + 1
// from column c - 1 to c + 2 of the friction (within the padding). Used where the CPU has
// AVX2 (Network::avx2, checked once at run time); a kernel without it keeps the scalar pass.
// Internal to access/solver.cc. Pure; thread-safe.
#pragma once

#include <immintrin.h>

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include "access/solver.h"

namespace jangkau::access::relax {

// The king's moves in MakeMoves' order (moves.h): up, left, right, down, then the diagonals
// up-left, up-right, down-left, down-right. The friction of their cells is read as three rows
// of four; the output's cells are gathered at their offsets in bytes.
struct KingsLanes {
  int64_t stride = 0;
  alignas(32) int32_t cell_bytes[8];
  alignas(32) double factor[8];
};

// Whether `offsets` (the first 8 moves) are the king's moves in the order above.
inline bool KingsInOrder(const int64_t* offsets, int64_t stride) {
  const int64_t want[8] = {-stride,     -1,          1,          stride,
                           -stride - 1, -stride + 1, stride - 1, stride + 1};
  for (int k = 0; k < 8; ++k) {
    if (offsets[k] != want[k]) return false;
  }
  return true;
}

// Three rows of four 32-bit lanes from the column before the cell (u0 u1 u2 ., m0 . m2 .,
// d0 d1 d2 .) put into the moves' order u1 m0 m2 d1 u0 u2 d0 d2. Serves the friction, the
// targets' times and their sources alike.
__attribute__((target("avx2"))) inline __m256i InMovesOrder(__m128i up, __m128i mid, __m128i down) {
  return _mm256_blend_epi32(_mm256_permutevar8x32_epi32(_mm256_set_m128i(down, up),
                                                        _mm256_setr_epi32(1, 0, 0, 5, 0, 2, 4, 6)),
                            _mm256_permutevar8x32_epi32(_mm256_castsi128_si256(mid),
                                                        _mm256_setr_epi32(0, 0, 2, 0, 0, 0, 0, 0)),
                            0b00000110);
}

// Bit k set where lane k is finite and at most `limit`.
__attribute__((target("avx2"))) inline int Within(__m256d times, double limit) {
  return _mm256_movemask_pd(
      _mm256_and_pd(_mm256_cmp_pd(times, _mm256_set1_pd(__builtin_inf()), _CMP_LT_OQ),
                    _mm256_cmp_pd(times, _mm256_set1_pd(limit), _CMP_LE_OQ)));
}

// Bit k set where move k's offer beats what its target holds, within `limit`; nts[k] gets
// every move's time in double. `who`: the source of the cell relaxed.
template <typename Cell, bool kCornerCutting>
__attribute__((target("avx2"))) inline uint32_t KingsOffersAvx2(const KingsLanes& lanes,
                                                                const float* cost,
                                                                const Cell* cells, std::size_t i,
                                                                double t, double ca, int32_t who,
                                                                double limit, double* nts) {
  // The friction of the rows above, of and below the cell, in the moves' order.
  const float* at = cost + i - 1;
  const __m256 c = _mm256_castsi256_ps(InMovesOrder(
      _mm_castps_si128(_mm_loadu_ps(at - lanes.stride)), _mm_castps_si128(_mm_loadu_ps(at)),
      _mm_castps_si128(_mm_loadu_ps(at + lanes.stride))));
  const __m256d a = _mm256_set1_pd(ca);
  const __m256d sum_lo = _mm256_add_pd(a, _mm256_cvtps_pd(_mm256_castps256_ps128(c)));
  const __m256d sum_hi = _mm256_add_pd(a, _mm256_cvtps_pd(_mm256_extractf128_ps(c, 1)));
  const __m256d tt = _mm256_set1_pd(t);
  const __m256d nt_lo = _mm256_add_pd(tt, _mm256_mul_pd(sum_lo, _mm256_load_pd(lanes.factor)));
  const __m256d nt_hi = _mm256_add_pd(tt, _mm256_mul_pd(sum_hi, _mm256_load_pd(lanes.factor + 4)));
  _mm256_storeu_pd(nts, nt_lo);
  _mm256_storeu_pd(nts + 4, nt_hi);
  const auto ok = static_cast<uint32_t>(Within(nt_lo, limit) | (Within(nt_hi, limit) << 4));
  const __m256 ft = _mm256_set_m128(_mm256_cvtpd_ps(nt_hi), _mm256_cvtpd_ps(nt_lo));

  // The targets' times (without the pending sign) and sources.
  __m256i time_bits;
  __m256i nearest;
  if constexpr (sizeof(Cell) == 6) {
    // 6-byte cells: each row's three cells read as 16 bytes for the times (bytes 0, 6, 12)
    // and 16 bytes two further on for the sources (bytes 4, 10, 16), put in the moves' order
    // like the friction.
    const __m128i times_at = _mm_setr_epi8(0, 1, 2, 3, 6, 7, 8, 9, 12, 13, 14, 15, -1, -1, -1, -1);
    const __m128i sources_at =  // each into the upper half of its lane, for the sign
        _mm_setr_epi8(-1, -1, 2, 3, -1, -1, 8, 9, -1, -1, 14, 15, -1, -1, -1, -1);
    const auto* row = reinterpret_cast<const char*>(cells + i - 1);
    const int64_t rb = lanes.stride * static_cast<int64_t>(sizeof(Cell));
    const auto load = [row](int64_t at) {
      return _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + at));
    };
    time_bits =
        InMovesOrder(_mm_shuffle_epi8(load(-rb), times_at), _mm_shuffle_epi8(load(0), times_at),
                     _mm_shuffle_epi8(load(rb), times_at));
    nearest = _mm256_srai_epi32(InMovesOrder(_mm_shuffle_epi8(load(2 - rb), sources_at),
                                             _mm_shuffle_epi8(load(2), sources_at),
                                             _mm_shuffle_epi8(load(2 + rb), sources_at)),
                                16);
  } else {
    const __m256i bytes = _mm256_load_si256(reinterpret_cast<const __m256i*>(lanes.cell_bytes));
    const auto* base = reinterpret_cast<const char*>(cells + i);
    time_bits = _mm256_i32gather_epi32(reinterpret_cast<const int*>(base), bytes, 1);
    nearest = _mm256_i32gather_epi32(reinterpret_cast<const int*>(base + offsetof(Cell, nearest)),
                                     bytes, 1);
  }
  const __m256 old =
      _mm256_castsi256_ps(_mm256_and_si256(time_bits, _mm256_set1_epi32(0x7fffffff)));
  const __m256 better = _mm256_or_ps(
      _mm256_cmp_ps(ft, old, _CMP_LT_OQ),
      _mm256_and_ps(_mm256_cmp_ps(ft, old, _CMP_EQ_OQ),
                    _mm256_castsi256_ps(_mm256_cmpgt_epi32(nearest, _mm256_set1_epi32(who)))));
  uint32_t won = ok & static_cast<uint32_t>(_mm256_movemask_ps(better));
  if constexpr (!kCornerCutting) {
    // A diagonal needs both orthogonal cells it cuts past passable: u1 and m0 for up-left, and
    // so on. An orthogonal move looks at its own target, whose offer cannot win when it is
    // impassable anyway.
    const __m256 v1 = _mm256_permutevar8x32_ps(c, _mm256_setr_epi32(0, 1, 2, 3, 0, 0, 3, 3));
    const __m256 v2 = _mm256_permutevar8x32_ps(c, _mm256_setr_epi32(0, 1, 2, 3, 1, 2, 1, 2));
    const __m256 finf = _mm256_set1_ps(__builtin_inff());
    won &= static_cast<uint32_t>(_mm256_movemask_ps(
        _mm256_and_ps(_mm256_cmp_ps(v1, finf, _CMP_LT_OQ), _mm256_cmp_ps(v2, finf, _CMP_LT_OQ))));
  }
  return won;
}

}  // namespace jangkau::access::relax
