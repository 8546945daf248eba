/*
 * What a build keeps between builds, and what it trusts of it: the PDF
 * reader given damaged and crafted chunks, the manifest's record of each
 * file (a chunk damaged under out/.keukentafel/ is drawn again, a manifest
 * of an older format reuses nothing), the library versions in the key, and
 * the writer's swap failing half-way.
 */
#include <glib.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include "print/pdffile.h"
#include "util.h"

/*
 * A damaged chunk: 108 bytes claiming a cross-reference table of a
 * billion entries. A crafted one: a table of one entry in a file that
 * says it has 2^31 - 1 objects (16 GB of offsets), or whose only
 * subsection starts at object 2^31 - 2.
 */
static const char damaged_pdf[] = "%PDF-1.5\nxref\n0 1000000000\n"
    "0000000000 65535 f \ntrailer\n<< /Size 1000000000 /Root 1 0 R >>\n"
    "startxref\n9\n%%EOF\n";
static const char crafted_pdf[] = "%PDF-1.5\nxref\n0 1\n"
    "0000000000 65535 f \ntrailer\n<< /Size 2147483647 /Root 1 0 R >>\n"
    "startxref\n9\n%%EOF\n";
static const char crafted_first_pdf[] = "%PDF-1.5\nxref\n2147483646 1\n"
    "0000000000 65535 f \ntrailer\n<< /Size 1 /Root 1 0 R >>\n"
    "startxref\n9\n%%EOF\n";

/*
 * Runs fn with at most a gigabyte more address space than the process
 * has, so that asking for gigabytes fails at once (GLib aborts) instead
 * of taking the memory of a shared machine. Not under AddressSanitizer,
 * which reserves terabytes of address space for itself.
 */
#if defined(__SANITIZE_ADDRESS__)
#define KT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KT_ASAN 1
#endif
#endif

static void
with_memory_limit(void (*fn)(void))
{
#ifndef KT_ASAN
	struct rlimit old, lim;
	unsigned long pages = 0;
	FILE *f = fopen("/proc/self/statm", "r");

	g_assert_nonnull(f);
	g_assert_cmpint(fscanf(f, "%lu", &pages), ==, 1);
	fclose(f);
	g_assert_cmpint(getrlimit(RLIMIT_AS, &old), ==, 0);
	lim = old;
	lim.rlim_cur = (rlim_t)pages * 4096 + ((rlim_t)1 << 30);
	g_assert_cmpint(setrlimit(RLIMIT_AS, &lim), ==, 0);
	fn();
	g_assert_cmpint(setrlimit(RLIMIT_AS, &old), ==, 0);
#else
	fn();
#endif
}

/* ---- the PDF reader ---- */

static void
assert_refused(const char *data, size_t len, const char *why)
{
	GError *err = NULL;
	struct kt_pdf_src *s = kt_pdf_src_new("chunk.pdf", data, len, &err);

	g_assert_null(s);
	g_assert_nonnull(err);
	if (strstr(err->message, why) == NULL)
		g_error("expected \"%s\" in: %s", why, err->message);
	g_error_free(err);
}

static void
read_crafted(void)
{
	assert_refused(damaged_pdf, sizeof damaged_pdf - 1, "chunk.pdf: ");
	assert_refused(crafted_pdf, sizeof crafted_pdf - 1,
	    "more objects than");
	assert_refused(crafted_first_pdf, sizeof crafted_first_pdf - 1,
	    "more objects than");
}

/*
 * Every count the reader takes from a file is bounded by the file's
 * length: a crafted file is an error, not a request for gigabytes. A
 * chunk as cairo wrote it still reads.
 */
static void
test_reader_bounds(void)
{
	char *chunk;
	gsize len;
	GError *err = NULL;
	struct kt_pdf_src *s;

	with_memory_limit(read_crafted);
	g_assert_true(g_file_get_contents("fuzz/seed/pdf/chunk.pdf", &chunk,
	    &len, NULL));
	s = kt_pdf_src_new("chunk.pdf", chunk, len, &err);
	g_assert_no_error(err);
	g_assert_nonnull(s);
	g_assert_cmpuint(kt_pdf_src_pages(s), >, 0);
	kt_pdf_src_free(s);
	g_free(chunk);
}

int
main(int argc, char *argv[])
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/cache/reader-bounds", test_reader_bounds);
	return g_test_run();
}
