/*
 * What a build keeps between builds, and what it trusts of it: the PDF
 * reader given damaged and crafted chunks, the manifest's record of each
 * file (a chunk damaged among the records is drawn again, a manifest
 * of an older format reuses nothing), the library versions in the key, and
 * the writer's swap failing half-way.
 */
#define _GNU_SOURCE	/* renameat2, RTLD_NEXT */
#include <cairo.h>
#include <cairo-pdf.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <librsvg/rsvg.h>
#include <pango/pango.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "build/build.h"
#include "build/versions.h"
#include "out/writer.h"
#include "print/pdffile.h"
#include "util.h"

static char *tmp;	/* a folder for this run */

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

/* ---- what the running cairo needs ---- */

static cairo_status_t
to_bytes(void *closure, const unsigned char *data, unsigned int len)
{
	g_byte_array_append(closure, data, len);
	return CAIRO_STATUS_SUCCESS;
}

/* Two pages drawn by the running cairo at PDF 1.4, a bookmark each. */
static GByteArray *
draw_1_4(void)
{
	GByteArray *b = g_byte_array_new();
	cairo_surface_t *s = cairo_pdf_surface_create_for_stream(to_bytes, b,
	    595, 842);
	cairo_t *cr;

	cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_4);
	cr = cairo_create(s);
	cairo_set_font_size(cr, 14);
	for (int page = 1; page <= 2; page++) {
		char dest[16];

		g_snprintf(dest, sizeof dest, "page=%d", page);
		cairo_pdf_surface_add_outline(s, CAIRO_PDF_OUTLINE_ROOT,
		    page == 1 ? "Eerste" : "Tweede", dest, 0);
		cairo_move_to(cr, 72, 72);
		cairo_show_text(cr, page == 1 ? "Welkom" : "Tot ziens");
		cairo_show_page(cr);
	}
	cairo_destroy(cr);
	cairo_surface_finish(s);
	g_assert_cmpint(cairo_surface_status(s), ==, CAIRO_STATUS_SUCCESS);
	cairo_surface_destroy(s);
	return b;
}

/* The pages and bookmarks of src joined into a file with object streams
 * and a cross-reference stream, as dest. */
static GBytes *
join_all(const struct kt_pdf_src *src, const char *dest)
{
	GPtrArray *titles = g_ptr_array_new_with_free_func(g_free);
	GArray *pages = g_array_new(FALSE, FALSE, sizeof(guint));
	struct kt_pdf_join *j = kt_pdf_join_new(TRUE);
	struct kt_pdf_info info = { src, "nl", "Samen", NULL, "nl" };
	GError *err = NULL;
	GBytes *file;

	g_assert_true(kt_pdf_src_marks(src, titles, pages, &err));
	g_assert_cmpuint(titles->len, ==, 2);
	for (guint p = 0; p < kt_pdf_src_pages(src); p++)
		g_assert_true(kt_pdf_join_page(j, src, p, &err));
	for (guint m = 0; m < titles->len; m++)
		kt_pdf_join_mark(j, g_ptr_array_index(titles, m),
		    g_array_index(pages, guint, m));
	file = kt_pdf_join_finish(j, &info, NULL, &err);
	g_assert_no_error(err);
	g_assert_true(g_file_set_contents(dest, g_bytes_get_data(file, NULL),
	    (gssize)g_bytes_get_size(file), NULL));
	g_ptr_array_free(titles, TRUE);
	g_array_free(pages, TRUE);
	return file;
}

/*
 * cairo 1.17.6 and later write PDF 1.5 with cross-reference streams,
 * which the reader refuses: kt_pdf_open() asks them for PDF 1.4, which
 * the reader reads (drawn here by the running cairo at 1.4). Only cairo
 * before 1.17.6 has its cross-reference table repaired. This machine's
 * cairo is asked for nothing: its files stay as they were.
 */
static void
test_cairo_versions(void)
{
	const guint all = KT_PDF_UNIQUE_NAMES | KT_PDF_ADD_LANG;
	char *dest = g_build_filename(tmp, "joined-1.4.pdf", NULL), *so = NULL;
	const char *check[] = { "qpdf", "--check", dest, NULL };
	GByteArray *drawn;
	struct kt_pdf_src *src;
	GError *err = NULL;
	GBytes *joined;
	char *text;

	g_assert_cmpuint(kt_pdf_cairo_needs(CAIRO_VERSION_ENCODE(1, 16, 0)),
	    ==, all | KT_PDF_FIX_XREF);
	g_assert_cmpuint(kt_pdf_cairo_needs(CAIRO_VERSION_ENCODE(1, 17, 4)),
	    ==, all | KT_PDF_FIX_XREF);
	g_assert_cmpuint(kt_pdf_cairo_needs(CAIRO_VERSION_ENCODE(1, 17, 6)),
	    ==, all | KT_PDF_ASK_1_4);
	g_assert_cmpuint(kt_pdf_cairo_needs(CAIRO_VERSION_ENCODE(1, 18, 4)),
	    ==, all | KT_PDF_ASK_1_4);
	if (cairo_version() < CAIRO_VERSION_ENCODE(1, 17, 6))
		g_assert_false(kt_pdf_cairo_needs(cairo_version()) &
		    KT_PDF_ASK_1_4);

	drawn = draw_1_4();
	g_assert_true(g_str_has_prefix((const char *)drawn->data, "%PDF-1.4"));
	src = kt_pdf_src_new("drawn.pdf", (const char *)drawn->data,
	    drawn->len, &err);
	g_assert_no_error(err);
	g_assert_cmpuint(kt_pdf_src_pages(src), ==, 2);
	joined = join_all(src, dest);
	g_assert_cmpint(t_run(check, NULL, &so, NULL), ==, 0);
	text = t_pdf_text(dest, 0);
	g_assert_true(t_contains(text, "Welkom"));
	g_assert_true(t_contains(text, "Tot ziens"));
	/* what cairo 1.17.6 writes at 1.5: the reader says why it stops */
	assert_refused(g_bytes_get_data(joined, NULL), g_bytes_get_size(joined),
	    "object streams are not read");
	g_free(text);
	g_free(so);
	g_bytes_unref(joined);
	kt_pdf_src_free(src);
	g_byte_array_unref(drawn);
	g_free(dest);
}

/* ---- the manifest ---- */

#define EPOCH "1700000000"
#define CHUNK ".keukentafel/bundels/nl/open-dag-samen.pdf"
#define BUNDLE "nl/opdrachten/leerjaar-1.pdf"

/* The test site built once, the same as every build of it should be. */
static const char *
ref_out(void)
{
	static char *ref;
	char *se = NULL;

	if (ref != NULL)
		return ref;
	ref = g_build_filename(tmp, "ref", NULL);
	if (t_build("tests/site", ref, EPOCH, NULL, &se) != 0)
		g_error("the test site does not build:\n%s", se);
	g_free(se);
	return ref;
}

/* A copy of the built site to damage; the caller frees the path. */
static char *
copy_of_ref(const char *name)
{
	char *dest = g_build_filename(tmp, name, NULL);
	char *from = kt_records_dir(ref_out()), *to = kt_records_dir(dest);
	const char *cp[] = { "cp", "-a", ref_out(), dest, NULL };
	const char *records[] = { "cp", "-a", from, to, NULL };

	/* out/ and its records beside it */
	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	g_assert_cmpint(t_run(records, NULL, NULL, NULL), ==, 0);
	g_free(from);
	g_free(to);
	return dest;
}

static void
put_file(const char *dir, const char *rel, const char *data, gssize len)
{
	char *p = kt_out_file(dir, rel);

	g_assert_true(g_file_set_contents(p, data, len, NULL));
	g_free(p);
}

static void
remove_file(const char *dir, const char *rel)
{
	char *p = kt_out_file(dir, rel);

	g_assert_cmpint(remove(p), ==, 0);
	g_free(p);
}

/*
 * Builds tests/site into dest again (-v: the jobs reused are counted on
 * stderr, which goes to *se), with at most 4 GB of address space: a
 * build that asks for 16 GB fails instead of taking a shared machine's
 * memory.
 */
static int
build_again(const char *dest, char **se)
{
	const char *argv[] = { "sh", "-c", "ulimit -v 4194304 && exec \"$@\"",
	    "sh", KT, "build", "-q", "-v", "-C", "tests/site", "-o", dest,
	    NULL };
	const char *env[] = { "SOURCE_DATE_EPOCH", EPOCH, NULL };

#ifdef KT_ASAN
	argv[2] = "exec \"$@\"";
#endif
	return t_run(argv, env, NULL, se);
}

/* dest is the site a clean build makes, byte for byte, manifest
 * included; its bundle passes qpdf's check and reads as its sheets. */
static void
assert_as_built(const char *dest)
{
	char *want = t_tree_digest(ref_out()), *got = t_tree_digest(dest);
	char *bundle = g_build_filename(dest, BUNDLE, NULL), *text, *so = NULL;
	const char *check[] = { "qpdf", "--check", bundle, NULL };

	g_assert_cmpstr(got, ==, want);
	g_assert_cmpint(t_run(check, NULL, &so, NULL), ==, 0);
	text = t_pdf_text(bundle, 0);
	g_assert_true(t_contains(text, "Drie dingen waar ik trots op ben"));
	g_free(text);
	g_free(so);
	g_free(bundle);
	g_free(got);
	g_free(want);
}

/* Where needle is in the len bytes at data (which may hold NULs). */
static const char *
find_bytes(const char *data, gsize len, const char *needle)
{
	gsize n = strlen(needle);

	for (gsize i = 0; i + n <= len; i++)
		if (memcmp(data + i, needle, n) == 0)
			return data + i;
	return NULL;
}

/* Pages from up to to of the chunk's bytes, joined. */
static GBytes *
join_pages(const char *data, gsize len, guint from, guint to)
{
	GError *err = NULL;
	struct kt_pdf_src *s = kt_pdf_src_new("chunk.pdf", data, len, &err);
	struct kt_pdf_join *j = kt_pdf_join_new(FALSE);
	struct kt_pdf_info info = { s, "nl", "Een blad", NULL, "nl" };
	GBytes *file;

	g_assert_no_error(err);
	for (guint p = from; p < to; p++)
		g_assert_true(kt_pdf_join_page(j, s, p, &err));
	file = kt_pdf_join_finish(j, &info, NULL, &err);
	g_assert_no_error(err);
	kt_pdf_src_free(s);
	return file;
}

/*
 * A chunk notes the elements at the top of its structure tree and their
 * pages in its root (pdftags.c's KT_TOPS), so that a join need not walk
 * the whole tree: each sheet cut from it with the note is byte for byte
 * the one cut without it (the key renamed, the tree walked).
 */
static void
test_chunk_tops(void)
{
	char *p = kt_out_file(ref_out(), CHUNK), *data;
	const char *at;
	gsize len;
	GPtrArray *titles = g_ptr_array_new_with_free_func(g_free);
	GArray *starts = g_array_new(FALSE, FALSE, sizeof(guint));
	GError *err = NULL;
	struct kt_pdf_src *s;
	char *plain;
	guint pages;

	g_assert_true(g_file_get_contents(p, &data, &len, NULL));
	at = find_bytes(data, len, "/KTTops [");
	g_assert_nonnull(at);
	plain = g_memdup2(data, len);
	memcpy(plain + (at - data), "/KTXops", 7);
	s = kt_pdf_src_new("chunk.pdf", data, len, &err);
	g_assert_no_error(err);
	g_assert_true(kt_pdf_src_marks(s, titles, starts, &err));
	pages = kt_pdf_src_pages(s);
	kt_pdf_src_free(s);
	g_assert_cmpuint(starts->len, >=, 2);
	for (guint i = 0; i < starts->len; i++) {
		guint from = g_array_index(starts, guint, i);
		guint to = i + 1 < starts->len ? g_array_index(starts, guint,
		    i + 1) : pages;
		GBytes *noted = join_pages(data, len, from, to);
		GBytes *walked = join_pages(plain, len, from, to);

		g_assert_true(g_bytes_equal(noted, walked));
		g_assert_nonnull(find_bytes(g_bytes_get_data(noted, NULL),
		    g_bytes_get_size(noted), "/StructTreeRoot"));
		g_bytes_unref(noted);
		g_bytes_unref(walked);
	}
	g_ptr_array_free(titles, TRUE);
	g_array_free(starts, TRUE);
	g_free(plain);
	g_free(data);
	g_free(p);
}

/*
 * A chunk damaged among the records beside out/: truncated, it is drawn again
 * by the next build though nothing else changed (and a style sheet,
 * written by no job, is written again); overwritten with a file
 * claiming a table of a billion entries while its bundle must be joined
 * again, the build does not fail: the chunk is drawn again first.
 */
static void
test_damaged_chunk(void)
{
	char *dest = copy_of_ref("damaged"), *p, *data, *se = NULL;
	gsize len;

	p = kt_out_file(dest, CHUNK);
	g_assert_true(g_file_get_contents(p, &data, &len, NULL));
	put_file(dest, CHUNK, data, (gssize)len / 2);
	put_file(dest, "assets/style.css", "body{}", -1);
	g_free(data);
	if (build_again(dest, &se) != 0)
		g_error("the build failed:\n%s", se);
	g_free(se);
	assert_as_built(dest);

	put_file(dest, CHUNK, damaged_pdf, sizeof damaged_pdf - 1);
	remove_file(dest, BUNDLE);
	se = NULL;
	if (build_again(dest, &se) != 0)
		g_error("the build failed:\n%s", se);
	g_free(se);
	assert_as_built(dest);
	g_free(p);
	g_free(dest);
}

/*
 * The stamps: a copy of out/ has other inodes, so its files are read once
 * and their stamps written again; then a chunk replaced by bytes of the
 * same size, a new file, is not taken for the one the stamps describe.
 */
static void
test_same_size(void)
{
	char *dest = copy_of_ref("same-size"), *p, *data, *se = NULL;
	char *stamps = kt_out_file(dest, ".keukentafel/stamps");
	char *before, *after;
	gsize len;

	g_assert_true(g_file_get_contents(stamps, &before, NULL, NULL));
	if (build_again(dest, &se) != 0)
		g_error("the build failed:\n%s", se);
	g_clear_pointer(&se, g_free);
	g_assert_true(g_file_get_contents(stamps, &after, NULL, NULL));
	g_assert_cmpstr(before, !=, after);
	p = kt_out_file(dest, CHUNK);
	g_assert_true(g_file_get_contents(p, &data, &len, NULL));
	memset(data + len / 2, 'x', 64);
	put_file(dest, CHUNK, data, (gssize)len);
	remove_file(dest, BUNDLE);
	if (build_again(dest, &se) != 0)
		g_error("the build failed:\n%s", se);
	assert_as_built(dest);
	g_free(se);
	g_free(data);
	g_free(p);
	g_free(after);
	g_free(before);
	g_free(stamps);
	g_free(dest);
}

/* A crafted chunk (16 GB of offsets asked for) read for its bundle: no
 * abort, no huge allocation; the chunk is drawn again. */
static void
test_crafted_chunk(void)
{
	char *dest = copy_of_ref("crafted"), *se = NULL;

	put_file(dest, CHUNK, crafted_pdf, sizeof crafted_pdf - 1);
	remove_file(dest, BUNDLE);
	if (build_again(dest, &se) != 0)
		g_error("the build failed:\n%s", se);
	g_free(se);
	assert_as_built(dest);
	g_free(dest);
}

/* The manifest as keukentafel 0.1.0 wrote it: no format line, and
 * only the path of each file. */
static char *
old_format(const char *text)
{
	char **lines = g_strsplit(text, "\n", -1);
	GString *s = g_string_new(NULL);

	for (char **l = lines + 1; *l != NULL && **l != '\0'; l++) {
		char **f = g_strsplit(*l, "\t", -1);

		g_string_append_printf(s, "%s\t%s", f[0], f[1]);
		for (guint i = 2; f[i] != NULL; i += 3)
			g_string_append_printf(s, "\t%s", f[i]);
		g_string_append_c(s, '\n');
		g_strfreev(f);
	}
	g_strfreev(lines);
	return g_string_free(s, FALSE);
}

/*
 * A manifest of an older format, of a newer one or not a manifest at
 * all: nothing is reused, nothing fails, and the build is a clean one.
 */
static void
test_old_manifest(void)
{
	char *path = kt_out_file(ref_out(), ".keukentafel/manifest"), *text;
	char *formats[3];

	g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
	g_assert_true(g_str_has_prefix(text, "keukentafel manifest 2\n"));
	formats[0] = old_format(text);
	formats[1] = g_strconcat("keukentafel manifest 3\n", strchr(text,
	    '\n') + 1, NULL);
	formats[2] = g_strdup("\x89PNG\r\n\t\t\n\n");
	for (int i = 0; i < 3; i++) {
		char *name = g_strdup_printf("format-%d", i);
		char *dest = copy_of_ref(name), *se = NULL;

		put_file(dest, ".keukentafel/manifest", formats[i], -1);
		if (build_again(dest, &se) != 0)
			g_error("the build failed:\n%s", se);
		if (strstr(se, ": 0 jobs reused from ") == NULL ||
		    strstr(se, "error") != NULL)
			g_error("manifest %d: not a clean build:\n%s", i, se);
		assert_as_built(dest);
		g_free(se);
		g_free(dest);
		g_free(name);
		g_free(formats[i]);
	}
	g_free(text);
	g_free(path);
}

/* ---- the library versions in the key ---- */

/*
 * Pango's version as the builds in this process see it: the linker binds
 * kt_library_versions()' call to this definition, so a test can upgrade
 * Pango between two builds. The real version otherwise, from the int
 * Pango gives of it.
 */
static const char *fake_pango;

const char *
pango_version_string(void)
{
	static char real[32];
	int v = pango_version();

	if (fake_pango != NULL)
		return fake_pango;
	g_snprintf(real, sizeof real, "%d.%d.%d", v / 10000, v / 100 % 100,
	    v % 100);
	return real;
}

/* The build of tests/site into dest, in this process. */
static void
build_here(const char *dest)
{
	struct kt_options o = { .content = "tests/site", .out = dest,
	    .theme = "themes/default",
	    .openmoji = "node_modules/openmoji/black/svg",
	    .epoch = 1700000000, .quiet = true, .jobs = 2 };

	g_assert_cmpint(kt_cmd_build(&o), ==, 0);
}

/* The manifest in dest: job id -> key. */
static GHashTable *
keys_of(const char *dest)
{
	char *p = kt_out_file(dest, ".keukentafel/manifest");
	GHashTable *keys = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, g_free);
	char *text, **lines;

	g_assert_true(g_file_get_contents(p, &text, NULL, NULL));
	lines = g_strsplit(text, "\n", -1);
	for (char **l = lines + 1; *l != NULL && **l != '\0'; l++) {
		char **f = g_strsplit(*l, "\t", 3);

		g_hash_table_insert(keys, g_strdup(f[0]), g_strdup(f[1]));
		g_strfreev(f);
	}
	g_strfreev(lines);
	g_free(text);
	g_free(p);
	return keys;
}

/* How many jobs of a have the key they have in b. */
static guint
same_keys(GHashTable *a, GHashTable *b)
{
	GHashTableIter i;
	gpointer job, key;
	guint same = 0;

	g_hash_table_iter_init(&i, a);
	while (g_hash_table_iter_next(&i, &job, &key))
		if (strcmp(job, "untracked") != 0)
			same += g_strcmp0(key, g_hash_table_lookup(b, job)) == 0;
	return same;
}

/*
 * The versions of cairo, Pango and librsvg as they run, in every job's
 * key: Pango upgraded between two builds, no job keeps its key (every
 * PDF is drawn again); back to the version before, every job has the key
 * it had.
 */
static void
test_library_versions(void)
{
	char *dest = g_build_filename(tmp, "versions", NULL);
	char *want = g_strdup_printf("cairo %s, pango %s, librsvg %s",
	    CAIRO_VERSION_STRING, PANGO_VERSION_STRING, LIBRSVG_VERSION);
	GHashTable *before, *upgraded, *after;

	/* compiled with the libraries it runs with, here */
	g_assert_cmpstr(kt_library_versions(), ==, want);
	build_here(dest);
	before = keys_of(dest);
	g_assert_cmpuint(g_hash_table_size(before), >, 50);

	fake_pango = "1.99.0";
	g_assert_nonnull(strstr(kt_library_versions(), "pango 1.99.0,"));
	build_here(dest);
	upgraded = keys_of(dest);
	g_assert_cmpuint(g_hash_table_size(upgraded), ==,
	    g_hash_table_size(before));
	g_assert_cmpuint(same_keys(before, upgraded), ==, 0);

	fake_pango = NULL;
	build_here(dest);
	after = keys_of(dest);
	g_assert_cmpuint(same_keys(before, after), ==,
	    g_hash_table_size(before) - 1);
	g_hash_table_destroy(before);
	g_hash_table_destroy(upgraded);
	g_hash_table_destroy(after);
	g_free(want);
	g_free(dest);
}

/* ---- the writer's swap ---- */

/*
 * rename() and renameat2() as the writer sees them: the C library's,
 * unless a test arms a failure. Run as root, no permission makes a
 * rename fail, so this program supplies its own (the linker binds the
 * writer's calls, and GLib's, to these).
 */
static gboolean renames_fail;	/* renameat2 fails as on a file system
				 * without RENAME_EXCHANGE, and ... */
static guint failing;		/* ... rename number n fails if bit n */
static guint renames;		/* renames since renames_fail was set */

static int
real_renameat2(const char *from, const char *to, unsigned flags)
{
	static int (*real)(int, const char *, int, const char *, unsigned);

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "renameat2");
	return real(AT_FDCWD, from, AT_FDCWD, to, flags);
}

int
renameat2(int fromfd, const char *from, int tofd, const char *to,
    unsigned flags)
{
	g_assert_true(fromfd == AT_FDCWD && tofd == AT_FDCWD);
	if (renames_fail) {
		errno = EINVAL;
		return -1;
	}
	return real_renameat2(from, to, flags);
}

int
rename(const char *from, const char *to)
{
	if (renames_fail && ++renames < 32 && (failing & (1u << renames))) {
		errno = EIO;
		return -1;
	}
	return real_renameat2(from, to, 0);
}

/* A site of one page saying what, swapped into out. */
static gboolean
write_site(const char *out, const char *what, GError **err)
{
	struct kt_writer *w = kt_writer_open(out, 1, err);

	g_assert_nonnull(w);
	g_assert_true(kt_writer_put(w, "index.html", what, strlen(what), err));
	return kt_writer_commit(w, err);
}

/* The folders beside out whose names start with prefix. */
static GPtrArray *
beside(const char *parent, const char *prefix)
{
	GPtrArray *found = g_ptr_array_new_with_free_func(g_free);
	GDir *d = g_dir_open(parent, 0, NULL);
	const char *name;

	g_assert_nonnull(d);
	while ((name = g_dir_read_name(d)) != NULL)
		if (g_str_has_prefix(name, prefix))
			g_ptr_array_add(found, g_build_filename(parent, name,
			    NULL));
	g_dir_close(d);
	return found;
}

/* Swaps a site saying "new" into out with renames 2, 3, ... failing as
 * mask says (rename 1 moves out/ aside); FALSE with *err set. */
static gboolean
swap_failing(const char *out, guint mask, GError **err)
{
	gboolean ok;

	renames_fail = TRUE;
	failing = mask;
	renames = 0;
	ok = write_site(out, "new", err);
	renames_fail = FALSE;
	return ok;
}

static void
assert_page(const char *dir, const char *want)
{
	char *page = g_build_filename(dir, "index.html", NULL), *text;

	g_assert_true(g_file_get_contents(page, &text, NULL, NULL));
	g_assert_cmpstr(text, ==, want);
	g_free(text);
	g_free(page);
}

/*
 * The swap without RENAME_EXCHANGE: out/ is moved aside, then the new
 * tree cannot be moved in: the old one is put back. When it cannot be
 * put back either, it is the only complete site left: it is kept, the
 * message says where, and the next build does not remove it while out/
 * is missing.
 */
static void
test_failed_swap(void)
{
	char *parent = g_build_filename(tmp, "swap", NULL);
	char *out = g_build_filename(parent, "out", NULL), *page;
	GError *err = NULL;
	struct kt_writer *w;
	GPtrArray *kept;

	g_assert_cmpint(g_mkdir_with_parents(parent, 0755), ==, 0);
	g_assert_true(write_site(out, "old", &err));
	g_assert_false(swap_failing(out, 1u << 2, &err));
	g_assert_nonnull(strstr(err->message, "cannot replace"));
	g_assert_null(strstr(err->message, "it is in"));
	g_clear_error(&err);
	assert_page(out, "old");

	g_assert_false(swap_failing(out, 1u << 2 | 1u << 3, &err));
	g_assert_nonnull(err);
	g_assert_false(g_file_test(out, G_FILE_TEST_EXISTS));
	kept = beside(parent, ".out.old-");
	g_assert_cmpuint(kept->len, ==, 1);
	if (strstr(err->message, g_ptr_array_index(kept, 0)) == NULL)
		g_error("the message does not say where the site is: %s",
		    err->message);
	g_test_message("%s", err->message);
	g_clear_error(&err);
	assert_page(g_ptr_array_index(kept, 0), "old");
	page = g_build_filename(g_ptr_array_index(kept, 0), "index.html",
	    NULL);

	/* the next build leaves it be while it is the only site */
	w = kt_writer_open(out, 1, &err);
	g_assert_nonnull(w);
	kt_writer_abort(w);
	g_assert_true(g_file_test(page, G_FILE_TEST_IS_REGULAR));
	/* once a new site is in place, it is a leftover like any other */
	g_assert_true(write_site(out, "newer", &err));
	g_assert_true(write_site(out, "newest", &err));
	g_assert_false(g_file_test(page, G_FILE_TEST_EXISTS));
	g_ptr_array_free(kept, TRUE);
	g_free(page);
	g_free(out);
	g_free(parent);
}

int
main(int argc, char *argv[])
{
	int r;

	g_test_init(&argc, &argv, NULL);
	tmp = g_dir_make_tmp("kt-cache-XXXXXX", NULL);
	g_test_add_func("/cache/reader-bounds", test_reader_bounds);
	g_test_add_func("/cache/cairo-versions", test_cairo_versions);
	g_test_add_func("/cache/damaged-chunk", test_damaged_chunk);
	g_test_add_func("/cache/chunk-tops", test_chunk_tops);
	g_test_add_func("/cache/crafted-chunk", test_crafted_chunk);
	g_test_add_func("/cache/same-size", test_same_size);
	g_test_add_func("/cache/old-manifest", test_old_manifest);
	g_test_add_func("/cache/library-versions", test_library_versions);
	g_test_add_func("/cache/failed-swap", test_failed_swap);
	r = g_test_run();
	kt_remove_tree(tmp);
	g_free(tmp);
	return r;
}
