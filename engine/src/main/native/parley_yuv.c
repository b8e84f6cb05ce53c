/*
 * Parley's frame converter: I420 planes (direct ByteBuffers) into the int[] raster of a
 * TYPE_INT_RGB image, with libyuv, without a copy in between. The Java side is
 * dev.parley.engine.internal.rtc.NativeYuv; docs/benchmarks.md ("Frame path") says why it exists.
 *
 * The int[] is pinned with GetPrimitiveArrayCritical only for the libyuv call that writes it:
 * nothing in between calls back into the JVM or blocks.
 *
 * Built by engine/pom.xml (profile native-yuv), libyuv linked in statically.
 */
#include <jni.h>
#include <stdint.h>
#include <immintrin.h>
#include <libyuv/convert_argb.h>
#include <libyuv/scale.h>

/* Results; NativeYuv turns each into an exception with its own message. */
#define PARLEY_OK 0
#define PARLEY_NOT_DIRECT -1
#define PARLEY_PLANE_TOO_SMALL -2
#define PARLEY_TARGET_TOO_SMALL -3
#define PARLEY_BAD_SIZE -4
#define PARLEY_SCRATCH_TOO_SMALL -5
#define PARLEY_PIN_FAILED -6
#define PARLEY_LIBYUV_FAILED -7
#define PARLEY_NOT_A_BUFFER -8

/* Fields of webrtc-java's NativeI420Buffer, looked up once by NativeYuv.bindBufferClass. */
static jfieldID field_y, field_u, field_v, field_stride_y, field_stride_u, field_stride_v, field_width, field_height;
static jclass buffer_class;

typedef struct {
    const uint8_t *y, *u, *v;
    int stride_y, stride_u, stride_v, width, height;
} planes;

/* Whether a plane of `rows` rows of `row_bytes` each, `stride` apart, fits in `capacity` bytes. */
static int plane_fits(jlong capacity, int stride, int row_bytes, int rows) {
    if (stride < row_bytes || rows <= 0) {
        return 0;
    }
    return (jlong) stride * (rows - 1) + row_bytes <= capacity;
}

static int read_planes(JNIEnv *env, jobject y, jint stride_y, jobject u, jint stride_u, jobject v, jint stride_v,
        jint width, jint height, planes *out) {
    if (width <= 0 || height <= 0) {
        return PARLEY_BAD_SIZE;
    }
    out->y = (*env)->GetDirectBufferAddress(env, y);
    out->u = (*env)->GetDirectBufferAddress(env, u);
    out->v = (*env)->GetDirectBufferAddress(env, v);
    if (out->y == NULL || out->u == NULL || out->v == NULL) {
        return PARLEY_NOT_DIRECT;
    }
    int chroma_width = (width + 1) / 2;
    int chroma_height = (height + 1) / 2;
    if (!plane_fits((*env)->GetDirectBufferCapacity(env, y), stride_y, width, height)
            || !plane_fits((*env)->GetDirectBufferCapacity(env, u), stride_u, chroma_width, chroma_height)
            || !plane_fits((*env)->GetDirectBufferCapacity(env, v), stride_v, chroma_width, chroma_height)) {
        return PARLEY_PLANE_TOO_SMALL;
    }
    out->stride_y = stride_y;
    out->stride_u = stride_u;
    out->stride_v = stride_v;
    out->width = width;
    out->height = height;
    return PARLEY_OK;
}


/*
 * I420 to ARGB, BT.601 limited range, two rows per pass: the chroma terms of a chroma row are
 * worked out once for the two luma rows that share it (libyuv converts row by row and does that
 * work twice). Fixed point with 6 fractional bits in 16-bit lanes:
 *   y' = (Y - 16) * 1.164        B = y' + 2.018 u        G = y' - 0.391 u - 0.813 v        R = y' + 1.596 v
 * with u = U - 128, v = V - 128. Results agree with libyuv's within one level per channel.
 * Three kernels: AVX-512 (BW, VL, VBMI), AVX2, and libyuv's own where neither is there.
 */
#define Y_SCALE 38142    /* 1.164 * 64 * 512: Y * 1.164 * 64 = (Y << 7) * Y_SCALE >> 16 */
#define LUMA_OFFSET -1160 /* -16 * 1.164 * 64, plus 32 to round the final shift */
#define U_TO_B 129       /* 2.018 * 64 */
#define U_TO_G 25        /* 0.391 * 64 */
#define V_TO_G 52        /* 0.813 * 64 */
#define V_TO_R 102       /* 1.596 * 64 */

#define KERNEL_LIBYUV 0
#define KERNEL_AVX2 1
#define KERNEL_AVX512 2

static inline uint8_t clamp_level(int value) {
    return value < 0 ? 0 : value > 255 ? 255 : (uint8_t) value;
}

/* One pixel, the same arithmetic as the vector code. */
static inline uint32_t pixel(int y, int b_term, int g_term, int r_term) {
    int luma = ((y * 128 * Y_SCALE) >> 16) + LUMA_OFFSET;
    return 0xff000000u | (uint32_t) clamp_level((luma + r_term) >> 6) << 16
            | (uint32_t) clamp_level((luma - g_term) >> 6) << 8 | clamp_level((luma + b_term) >> 6);
}

/* Pixels [from, width) of two rows sharing one chroma row, one at a time. */
static void rows_scalar(const uint8_t *y0, const uint8_t *y1, const uint8_t *u, const uint8_t *v, uint32_t *out0,
        uint32_t *out1, int from, int width) {
    for (int x = from; x < width; x++) {
        int cu = u[x / 2] - 128;
        int cv = v[x / 2] - 128;
        int b_term = cu * U_TO_B;
        int g_term = cu * U_TO_G + cv * V_TO_G;
        int r_term = cv * V_TO_R;
        out0[x] = pixel(y0[x], b_term, g_term, r_term);
        out1[x] = pixel(y1[x], b_term, g_term, r_term);
    }
}

/* 16 pixels of luma (16-bit lanes, in order) with their chroma terms into 16 ARGB pixels. */
__attribute__((target("avx2"))) static inline void store16_avx2(__m256i y16, __m256i b_term, __m256i g_term,
        __m256i r_term, uint32_t *out) {
    const __m256i alpha = _mm256_set1_epi8((char) 0xff);
    __m256i luma = _mm256_add_epi16(_mm256_mulhi_epu16(_mm256_slli_epi16(y16, 7), _mm256_set1_epi16((short) Y_SCALE)),
            _mm256_set1_epi16(LUMA_OFFSET));
    __m256i b = _mm256_srai_epi16(_mm256_adds_epi16(luma, b_term), 6);
    __m256i g = _mm256_srai_epi16(_mm256_subs_epi16(luma, g_term), 6);
    __m256i r = _mm256_srai_epi16(_mm256_adds_epi16(luma, r_term), 6);
    /* bytes per 128-bit lane: lane 0 holds pixels 0-7, lane 1 pixels 8-15 */
    __m256i b8 = _mm256_packus_epi16(b, b);
    __m256i g8 = _mm256_packus_epi16(g, g);
    __m256i r8 = _mm256_packus_epi16(r, r);
    __m256i bg = _mm256_unpacklo_epi8(b8, g8);
    __m256i ra = _mm256_unpacklo_epi8(r8, alpha);
    __m256i first = _mm256_unpacklo_epi16(bg, ra);  /* pixels 0-3 | 8-11 */
    __m256i second = _mm256_unpackhi_epi16(bg, ra); /* pixels 4-7 | 12-15 */
    _mm256_storeu_si256((__m256i *) out, _mm256_permute2x128_si256(first, second, 0x20));
    _mm256_storeu_si256((__m256i *) (out + 8), _mm256_permute2x128_si256(first, second, 0x31));
}

/* Two rows sharing one chroma row, 32 pixels per step, the rest one by one. */
__attribute__((target("avx2"))) static void rows_avx2(const uint8_t *y0, const uint8_t *y1, const uint8_t *u,
        const uint8_t *v, uint32_t *out0, uint32_t *out1, int width) {
    const __m256i bias = _mm256_set1_epi16(128);
    int x = 0;
    for (; x + 32 <= width; x += 32) {
        __m256i cu = _mm256_sub_epi16(_mm256_cvtepu8_epi16(_mm_loadu_si128((const __m128i *) (u + x / 2))), bias);
        __m256i cv = _mm256_sub_epi16(_mm256_cvtepu8_epi16(_mm_loadu_si128((const __m128i *) (v + x / 2))), bias);
        __m256i b_term = _mm256_mullo_epi16(cu, _mm256_set1_epi16(U_TO_B));
        __m256i g_term = _mm256_add_epi16(_mm256_mullo_epi16(cu, _mm256_set1_epi16(U_TO_G)),
                _mm256_mullo_epi16(cv, _mm256_set1_epi16(V_TO_G)));
        __m256i r_term = _mm256_mullo_epi16(cv, _mm256_set1_epi16(V_TO_R));
        /* each chroma term serves two neighbouring pixels: quarters reordered so that the
           in-lane unpacks duplicate terms 0-7 for pixels 0-15 and 8-15 for pixels 16-31 */
        b_term = _mm256_permute4x64_epi64(b_term, 0xd8);
        g_term = _mm256_permute4x64_epi64(g_term, 0xd8);
        r_term = _mm256_permute4x64_epi64(r_term, 0xd8);
        __m256i b_low = _mm256_unpacklo_epi16(b_term, b_term), b_high = _mm256_unpackhi_epi16(b_term, b_term);
        __m256i g_low = _mm256_unpacklo_epi16(g_term, g_term), g_high = _mm256_unpackhi_epi16(g_term, g_term);
        __m256i r_low = _mm256_unpacklo_epi16(r_term, r_term), r_high = _mm256_unpackhi_epi16(r_term, r_term);
        __m256i row0 = _mm256_loadu_si256((const __m256i *) (y0 + x));
        __m256i row1 = _mm256_loadu_si256((const __m256i *) (y1 + x));
        store16_avx2(_mm256_cvtepu8_epi16(_mm256_castsi256_si128(row0)), b_low, g_low, r_low, out0 + x);
        store16_avx2(_mm256_cvtepu8_epi16(_mm256_extracti128_si256(row0, 1)), b_high, g_high, r_high, out0 + x + 16);
        store16_avx2(_mm256_cvtepu8_epi16(_mm256_castsi256_si128(row1)), b_low, g_low, r_low, out1 + x);
        store16_avx2(_mm256_cvtepu8_epi16(_mm256_extracti128_si256(row1, 1)), b_high, g_high, r_high, out1 + x + 16);
    }
    rows_scalar(y0, y1, u, v, out0, out1, x, width);
}

#define AVX512 __attribute__((target("avx512f,avx512bw,avx512vl,avx512vbmi")))

/* Byte picks that turn packed B|G and R|A halves into B, G, R, A per pixel (see store32_avx512). */
static uint8_t interleave_index[2][64];
/* 16-bit lane picks that give each chroma term to its two pixels: terms 0-15, then 16-31. */
static uint16_t duplicate_index[2][32];

static void init_indexes(void) {
    for (int half = 0; half < 2; half++) {
        for (int i = 0; i < 16; i++) {
            int p = half * 16 + i;
            int at = 16 * (p / 8) + p % 8;
            interleave_index[half][4 * i] = (uint8_t) at;
            interleave_index[half][4 * i + 1] = (uint8_t) (at + 8);
            interleave_index[half][4 * i + 2] = (uint8_t) (64 + at);
            interleave_index[half][4 * i + 3] = (uint8_t) (64 + at + 8);
        }
        for (int i = 0; i < 32; i++) {
            duplicate_index[half][i] = (uint16_t) (half * 16 + i / 2);
        }
    }
}

/* 32 pixels (16-bit luma lanes in order, their chroma terms) into 32 ARGB pixels, `count` of them stored. */
AVX512 static inline void store32_avx512(__m512i y16, __m512i b_term, __m512i g_term, __m512i r_term,
        __m512i pick_low, __m512i pick_high, uint32_t *out, int count) {
    __m512i luma = _mm512_add_epi16(_mm512_mulhi_epu16(_mm512_slli_epi16(y16, 7), _mm512_set1_epi16((short) Y_SCALE)),
            _mm512_set1_epi16(LUMA_OFFSET));
    __m512i b = _mm512_srai_epi16(_mm512_adds_epi16(luma, b_term), 6);
    __m512i g = _mm512_srai_epi16(_mm512_subs_epi16(luma, g_term), 6);
    __m512i r = _mm512_srai_epi16(_mm512_adds_epi16(luma, r_term), 6);
    /* per 128-bit lane k: B of pixels 8k..8k+7 then their G; R then eight 0xff */
    __m512i bg = _mm512_packus_epi16(b, g);
    __m512i ra = _mm512_packus_epi16(r, _mm512_set1_epi16(255));
    __m512i first = _mm512_permutex2var_epi8(bg, pick_low, ra);
    __m512i second = _mm512_permutex2var_epi8(bg, pick_high, ra);
    if (count >= 32) {
        _mm512_storeu_si512(out, first);
        _mm512_storeu_si512(out + 16, second);
    } else {
        _mm512_mask_storeu_epi32(out, (__mmask16) (count >= 16 ? 0xffff : (1u << count) - 1), first);
        if (count > 16) {
            _mm512_mask_storeu_epi32(out + 16, (__mmask16) ((1u << (count - 16)) - 1), second);
        }
    }
}

/* Two rows sharing one chroma row, 64 pixels per step; the last step masked. */
AVX512 static void rows_avx512(const uint8_t *y0, const uint8_t *y1, const uint8_t *u, const uint8_t *v,
        uint32_t *out0, uint32_t *out1, int width) {
    const __m512i bias = _mm512_set1_epi16(128);
    const __m512i pick_low = _mm512_loadu_si512(interleave_index[0]);
    const __m512i pick_high = _mm512_loadu_si512(interleave_index[1]);
    const __m512i terms_low = _mm512_loadu_si512(duplicate_index[0]);
    const __m512i terms_high = _mm512_loadu_si512(duplicate_index[1]);
    for (int x = 0; x < width; x += 64) {
        int count = width - x < 64 ? width - x : 64;
        __mmask64 luma_mask = count == 64 ? ~(__mmask64) 0 : ((__mmask64) 1 << count) - 1;
        int chroma_count = (count + 1) / 2;
        __mmask32 chroma_mask = chroma_count == 32 ? ~(__mmask32) 0 : ((__mmask32) 1 << chroma_count) - 1;
        __m512i cu = _mm512_sub_epi16(_mm512_cvtepu8_epi16(_mm256_maskz_loadu_epi8(chroma_mask, u + x / 2)), bias);
        __m512i cv = _mm512_sub_epi16(_mm512_cvtepu8_epi16(_mm256_maskz_loadu_epi8(chroma_mask, v + x / 2)), bias);
        __m512i b_term = _mm512_mullo_epi16(cu, _mm512_set1_epi16(U_TO_B));
        __m512i g_term = _mm512_add_epi16(_mm512_mullo_epi16(cu, _mm512_set1_epi16(U_TO_G)),
                _mm512_mullo_epi16(cv, _mm512_set1_epi16(V_TO_G)));
        __m512i r_term = _mm512_mullo_epi16(cv, _mm512_set1_epi16(V_TO_R));
        __m512i b_low = _mm512_permutexvar_epi16(terms_low, b_term);
        __m512i b_high = _mm512_permutexvar_epi16(terms_high, b_term);
        __m512i g_low = _mm512_permutexvar_epi16(terms_low, g_term);
        __m512i g_high = _mm512_permutexvar_epi16(terms_high, g_term);
        __m512i r_low = _mm512_permutexvar_epi16(terms_low, r_term);
        __m512i r_high = _mm512_permutexvar_epi16(terms_high, r_term);
        __m512i row0 = _mm512_maskz_loadu_epi8(luma_mask, y0 + x);
        __m512i row1 = _mm512_maskz_loadu_epi8(luma_mask, y1 + x);
        int rest = count > 32 ? count - 32 : 0;
        store32_avx512(_mm512_cvtepu8_epi16(_mm512_castsi512_si256(row0)), b_low, g_low, r_low, pick_low, pick_high,
                out0 + x, count);
        store32_avx512(_mm512_cvtepu8_epi16(_mm512_castsi512_si256(row1)), b_low, g_low, r_low, pick_low, pick_high,
                out1 + x, count);
        if (rest > 0) {
            store32_avx512(_mm512_cvtepu8_epi16(_mm512_extracti64x4_epi64(row0, 1)), b_high, g_high, r_high, pick_low,
                    pick_high, out0 + x + 32, rest);
            store32_avx512(_mm512_cvtepu8_epi16(_mm512_extracti64x4_epi64(row1, 1)), b_high, g_high, r_high, pick_low,
                    pick_high, out1 + x + 32, rest);
        }
    }
}

/* The best kernel this CPU runs, chosen once; tests may pick a lower one (NativeYuv.useKernel). */
static int kernel = -1;
static int best_kernel = -1;

static void choose_kernel(void) {
    if (best_kernel >= 0) {
        return;
    }
    __builtin_cpu_init();
    init_indexes();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl")
            && __builtin_cpu_supports("avx512vbmi")) {
        best_kernel = KERNEL_AVX512;
    } else if (__builtin_cpu_supports("avx2")) {
        best_kernel = KERNEL_AVX2;
    } else {
        best_kernel = KERNEL_LIBYUV;
    }
    kernel = best_kernel;
}

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    choose_kernel();
    return JNI_VERSION_1_8;
}

/* Picks `requested` if this CPU runs it, else the best it runs; returns the kernel in use. */
JNIEXPORT jint JNICALL Java_dev_parley_engine_internal_rtc_NativeYuv_useKernel(JNIEnv *env, jclass owner,
        jint requested) {
    kernel = requested >= KERNEL_LIBYUV && requested <= best_kernel ? requested : best_kernel;
    return kernel;
}

/* The whole frame into `pixels` (width * height, no padding); libyuv's when no kernel of ours runs here. */
static int i420_to_argb(const planes *in, uint32_t *pixels) {
    if (kernel == KERNEL_LIBYUV) {
        return I420ToARGB(in->y, in->stride_y, in->u, in->stride_u, in->v, in->stride_v, (uint8_t *) pixels,
                in->width * 4, in->width, in->height);
    }
    for (int row = 0; row < in->height; row += 2) {
        const uint8_t *y0 = in->y + (long) row * in->stride_y;
        int last = row + 1 >= in->height;
        const uint8_t *y1 = last ? y0 : y0 + in->stride_y;
        const uint8_t *u = in->u + (long) (row / 2) * in->stride_u;
        const uint8_t *v = in->v + (long) (row / 2) * in->stride_v;
        uint32_t *out0 = pixels + (long) row * in->width;
        /* an odd last row is written twice, to the same place */
        uint32_t *out1 = last ? out0 : out0 + in->width;
        if (kernel == KERNEL_AVX512) {
            rows_avx512(y0, y1, u, v, out0, out1, in->width);
        } else {
            rows_avx2(y0, y1, u, v, out0, out1, in->width);
        }
    }
    return 0;
}

/* Converts `in` into `target` (width * height pixels, rows without padding). */
static int convert(JNIEnv *env, const planes *in, jintArray target) {
    if ((*env)->GetArrayLength(env, target) < (jlong) in->width * in->height) {
        return PARLEY_TARGET_TOO_SMALL;
    }
    uint8_t *pixels = (*env)->GetPrimitiveArrayCritical(env, target, NULL);
    if (pixels == NULL) {
        return PARLEY_PIN_FAILED;
    }
    /* B, G, R, A in memory: the little-endian int 0xAARRGGBB (libyuv calls that "ARGB") */
    int result = i420_to_argb(in, (uint32_t *) pixels);
    (*env)->ReleasePrimitiveArrayCritical(env, target, pixels, 0);
    return result == 0 ? PARLEY_OK : PARLEY_LIBYUV_FAILED;
}

/* An I420 frame of width x height packed at `base`. */
static planes packed(uint8_t *base, int width, int height) {
    int chroma_width = (width + 1) / 2;
    int chroma_height = (height + 1) / 2;
    planes frame = {
        .y = base,
        .u = base + (jlong) width * height,
        .v = base + (jlong) width * height + (jlong) chroma_width * chroma_height,
        .stride_y = width,
        .stride_u = chroma_width,
        .stride_v = chroma_width,
        .width = width,
        .height = height,
    };
    return frame;
}

static jlong packed_bytes(int width, int height) {
    return (jlong) width * height + 2L * ((width + 1) / 2) * ((height + 1) / 2);
}

/* Box-filters `from` into `to` (libyuv's I420Scale, the filter webrtc's own CropAndScaleFrom uses). */
static int box(const planes *from, const planes *to) {
    return I420Scale(from->y, from->stride_y, from->u, from->stride_u, from->v, from->stride_v, from->width,
            from->height, (uint8_t *) to->y, to->stride_y, (uint8_t *) to->u, to->stride_u, (uint8_t *) to->v,
            to->stride_v, to->width, to->height, kFilterBox);
}

/*
 * Scales `in` to target_width x target_height in `scratch`, then converts that. libyuv's box
 * filter is fast for exact halves and quarters and slow for other ratios (1280x720 to 480x270:
 * 173 us), so a frame at least twice the target's size is first halved (the fast path), and
 * the half-size frame scaled the rest of the way (44 us for the same).
 */
static int scale_and_convert(JNIEnv *env, const planes *in, jobject scratch, jint target_width, jint target_height,
        jintArray target) {
    if (target_width <= 0 || target_height <= 0) {
        return PARLEY_BAD_SIZE;
    }
    uint8_t *base = (*env)->GetDirectBufferAddress(env, scratch);
    if (base == NULL) {
        return PARLEY_NOT_DIRECT;
    }
    int exact = (in->width == 2 * target_width && in->height == 2 * target_height)
            || (in->width == 4 * target_width && in->height == 4 * target_height);
    int halve = !exact && in->width >= 2 * target_width && in->height >= 2 * target_height;
    jlong final_bytes = packed_bytes(target_width, target_height);
    jlong needed = final_bytes + (halve ? packed_bytes(in->width / 2, in->height / 2) : 0);
    if ((*env)->GetDirectBufferCapacity(env, scratch) < needed) {
        return PARLEY_SCRATCH_TOO_SMALL;
    }
    planes scaled = packed(base, target_width, target_height);
    if (halve) {
        planes half = packed(base + final_bytes, in->width / 2, in->height / 2);
        if (box(in, &half) != 0 || box(&half, &scaled) != 0) {
            return PARLEY_LIBYUV_FAILED;
        }
    } else if (box(in, &scaled) != 0) {
        return PARLEY_LIBYUV_FAILED;
    }
    return convert(env, &scaled, target);
}

static int read_buffer(JNIEnv *env, jobject buffer, planes *out) {
    if (buffer_class == NULL || !(*env)->IsInstanceOf(env, buffer, buffer_class)) {
        return PARLEY_NOT_A_BUFFER;
    }
    return read_planes(env, (*env)->GetObjectField(env, buffer, field_y), (*env)->GetIntField(env, buffer, field_stride_y),
            (*env)->GetObjectField(env, buffer, field_u), (*env)->GetIntField(env, buffer, field_stride_u),
            (*env)->GetObjectField(env, buffer, field_v), (*env)->GetIntField(env, buffer, field_stride_v),
            (*env)->GetIntField(env, buffer, field_width), (*env)->GetIntField(env, buffer, field_height), out);
}

JNIEXPORT jint JNICALL Java_dev_parley_engine_internal_rtc_NativeYuv_i420ToArgb(JNIEnv *env, jclass owner,
        jobject y, jint stride_y, jobject u, jint stride_u, jobject v, jint stride_v, jint width, jint height,
        jintArray target) {
    planes in;
    int result = read_planes(env, y, stride_y, u, stride_u, v, stride_v, width, height, &in);
    return result == PARLEY_OK ? convert(env, &in, target) : result;
}

JNIEXPORT jint JNICALL Java_dev_parley_engine_internal_rtc_NativeYuv_i420ScaleToArgb(JNIEnv *env, jclass owner,
        jobject y, jint stride_y, jobject u, jint stride_u, jobject v, jint stride_v, jint width, jint height,
        jobject scratch, jint target_width, jint target_height, jintArray target) {
    planes in;
    int result = read_planes(env, y, stride_y, u, stride_u, v, stride_v, width, height, &in);
    return result == PARLEY_OK ? scale_and_convert(env, &in, scratch, target_width, target_height, target) : result;
}

/*
 * Remembers the fields of webrtc-java's NativeI420Buffer, so that a frame's planes are read here
 * and not through its getters (each of which makes a new ByteBuffer slice). Returns JNI_FALSE,
 * with no exception pending, when that class has not the fields this code expects.
 */
JNIEXPORT jboolean JNICALL Java_dev_parley_engine_internal_rtc_NativeYuv_bindBufferClass(JNIEnv *env, jclass owner,
        jclass type) {
    const char *buffer = "Ljava/nio/ByteBuffer;";
    field_y = (*env)->GetFieldID(env, type, "dataY", buffer);
    field_u = field_y ? (*env)->GetFieldID(env, type, "dataU", buffer) : NULL;
    field_v = field_u ? (*env)->GetFieldID(env, type, "dataV", buffer) : NULL;
    field_stride_y = field_v ? (*env)->GetFieldID(env, type, "strideY", "I") : NULL;
    field_stride_u = field_stride_y ? (*env)->GetFieldID(env, type, "strideU", "I") : NULL;
    field_stride_v = field_stride_u ? (*env)->GetFieldID(env, type, "strideV", "I") : NULL;
    field_width = field_stride_v ? (*env)->GetFieldID(env, type, "width", "I") : NULL;
    field_height = field_width ? (*env)->GetFieldID(env, type, "height", "I") : NULL;
    if (field_height == NULL) {
        (*env)->ExceptionClear(env);
        return JNI_FALSE;
    }
    buffer_class = (*env)->NewGlobalRef(env, type);
    return buffer_class != NULL;
}

JNIEXPORT jint JNICALL Java_dev_parley_engine_internal_rtc_NativeYuv_bufferToArgb(JNIEnv *env, jclass owner,
        jobject buffer, jintArray target) {
    planes in;
    int result = read_buffer(env, buffer, &in);
    return result == PARLEY_OK ? convert(env, &in, target) : result;
}

JNIEXPORT jint JNICALL Java_dev_parley_engine_internal_rtc_NativeYuv_bufferScaleToArgb(JNIEnv *env, jclass owner,
        jobject buffer, jobject scratch, jint target_width, jint target_height, jintArray target) {
    planes in;
    int result = read_buffer(env, buffer, &in);
    return result == PARLEY_OK ? scale_and_convert(env, &in, scratch, target_width, target_height, target) : result;
}
