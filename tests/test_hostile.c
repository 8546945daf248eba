/*
 * Hostile input: what content written by many hands, or by someone
 * malicious, can throw at the build. Each case gets the exact behaviour
 * expected: an error naming the file, or a build that finishes safely,
 * always within a time limit (a hang fails the test).
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "out/writer.h"
#include "util.h"

static char *tmp;

/* A content folder with site.yaml and one tip holding body. */
static char *
folder(const char *name)
{
	char *dir = g_build_filename(tmp, name, NULL);
	char *tips = g_build_filename(dir, "tips", NULL);
	char *site = g_build_filename(dir, "site.yaml", NULL);

	g_mkdir_with_parents(tips, 0755);
	g_assert_true(g_file_set_contents(site, "school: S\nbasis_url: "
	    "https://s.example/\ntalen:\n  - code: nl\n    naam: Nederlands\n",
	    -1, NULL));
	g_free(site);
	g_free(tips);
	return dir;
}

static void
tip(const char *dir, const char *file, const char *body, gssize len)
{
	char *path = g_build_filename(dir, "tips", file, NULL);
	GString *s = g_string_new("---\ntitel: Tip\ngroep: contact\n---\n");

	g_string_append_len(s, body, len);
	g_assert_true(g_file_set_contents(path, s->str, (gssize)s->len, NULL));
	g_string_free(s, TRUE);
	g_free(path);
}

/* Builds dir in at most 60 s; the exit status, stderr in *err. */
static int
build(const char *dir, char **err)
{
	char *out = g_strconcat(dir, "-out", NULL);
	const char *argv[] = { "timeout", "60", KT, "build", "-q", "--no-pdf",
	    "-C", dir, "-o", out, NULL };
	int r = t_run(argv, NULL, NULL, err);

	g_assert_cmpint(r, !=, 124);	/* timeout's "it took too long" */
	g_free(out);
	return r;
}

static void
expect_error(const char *dir, const char *want)
{
	char *err = NULL;

	g_assert_cmpint(build(dir, &err), ==, 1);
	if (strstr(err, want) == NULL)
		g_error("wanted \"%s\" in:\n%s", want, err);
	g_assert_null(strstr(err, "AddressSanitizer"));
	g_free(err);
}

static void
expect_ok(const char *dir)
{
	char *err = NULL;
	int r = build(dir, &err);

	if (r != 0)
		g_error("exit %d:\n%s", r, err);
	g_free(err);
}

static void
test_deep_quotes(void)
{
	char *dir = folder("quotes");
	GString *b = g_string_new(NULL);

	for (int i = 0; i < 400000; i++)
		g_string_append_c(b, '>');
	g_string_append(b, " tekst\n");
	tip(dir, "diep.nl.md", b->str, -1);
	expect_error(dir, "diep.nl.md:5:1: error: Markdown nested more than "
	    "64 levels deep");
	g_string_free(b, TRUE);
	g_free(dir);
}

static void
test_deep_lists(void)
{
	char *dir = folder("lists");
	GString *b = g_string_new(NULL);

	for (int i = 0; i < 600; i++) {
		for (int j = 0; j < i; j++)
			g_string_append(b, "  ");
		g_string_append(b, "- a\n");
	}
	tip(dir, "lijst.nl.md", b->str, -1);
	expect_error(dir, "lijst.nl.md:5:1: error: Markdown nested more than");
	g_string_free(b, TRUE);
	g_free(dir);
}

/* Inputs that make naive Markdown parsers quadratic: cmark is not. */
static void
test_pathological_markdown(void)
{
	char *dir = folder("patho");
	GString *a = g_string_new(NULL), *b = g_string_new(NULL);
	GString *c = g_string_new(NULL);

	for (int i = 0; i < 60000; i++)
		g_string_append(a, "*a **a ");
	for (int i = 0; i < 200000; i++)
		g_string_append_c(b, '[');
	for (int i = 0; i < 50000; i++)
		g_string_append(c, "[a](<b");
	tip(dir, "nadruk.nl.md", a->str, -1);
	tip(dir, "haken.nl.md", b->str, -1);
	tip(dir, "links.nl.md", c->str, -1);
	expect_ok(dir);
	g_string_free(a, TRUE);
	g_string_free(b, TRUE);
	g_string_free(c, TRUE);
	g_free(dir);
}

static void
test_large_file(void)
{
	char *dir = folder("large");
	char *big = g_malloc(2 * 1024 * 1024);

	memset(big, 'a', 2 * 1024 * 1024);
	tip(dir, "groot.nl.md", big, 2 * 1024 * 1024);
	expect_error(dir, "groot.nl.md: error: file is 2097186 bytes, more "
	    "than the limit of 1048576; split it into smaller files");
	g_free(big);
	g_free(dir);
}

/* A line of a megabyte, and a YAML list of a hundred thousand values. */
static void
test_long_lines(void)
{
	char *dir = folder("lines");
	char *path = g_build_filename(dir, "tips", "lang.nl.md", NULL);
	GString *s = g_string_new("---\ntitel: Tip\ngroep: contact\nzinnen: [");

	for (int i = 0; i < 100000; i++)
		g_string_append(s, i ? ",a" : "a");
	g_string_append(s, "]\n---\n");
	for (int i = 0; i < 250000; i++)
		g_string_append(s, "ab ");
	g_assert_cmpuint(s->len, <, 1024 * 1024);
	g_assert_true(g_file_set_contents(path, s->str, -1, NULL));
	expect_ok(dir);
	g_string_free(s, TRUE);
	g_free(path);
	g_free(dir);
}

static void
test_bytes(void)
{
	char *dir = folder("bytes");
	static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

	tip(dir, "nul.nl.md", "a\0b", 3);
	expect_error(dir, "nul.nl.md:5:2: error: NUL byte in text");
	{
		char *path = g_build_filename(dir, "tips", "plaatje.nl.md",
		    NULL);
		g_assert_true(g_file_set_contents(path, png, sizeof png - 1,
		    NULL));
		g_free(path);
	}
	expect_error(dir, "plaatje.nl.md:1:1: error: invalid UTF-8 (byte "
	    "0x89)");
	tip(dir, "bel.nl.md", "ding\adong", -1);
	expect_error(dir, "bel.nl.md:5:5: error: control character U+0007");
	g_free(dir);
}

/* Not files, and files that point out of the content folder. */
static void
test_not_files(void)
{
	char *dir = folder("special");
	char *fifo = g_build_filename(dir, "tips", "pijp.nl.md", NULL);
	char *link = g_build_filename(dir, "tips", "wachtwoord.nl.md", NULL);
	char *sub = g_build_filename(dir, "tips", "map.nl.md", NULL);

	g_assert_cmpint(mkfifo(fifo, 0644), ==, 0);
	g_assert_cmpint(symlink("/etc/passwd", link), ==, 0);
	g_assert_cmpint(g_mkdir(sub, 0755), ==, 0);
	/* the FIFO is never opened, so the build cannot hang on it */
	expect_error(dir, "pijp.nl.md: error: not a regular file");
	expect_error(dir, "wachtwoord.nl.md: error: this link points outside "
	    "the content folder");
	expect_error(dir, "map.nl.md: warning: folders inside tips/ are not "
	    "read");
	g_free(fifo);
	g_free(link);
	g_free(sub);
	g_free(dir);
}

/* Paths in content that try to leave their folder. */
static void
test_escaping_paths(void)
{
	char *dir = folder("paths");
	char *site = g_build_filename(dir, "site.yaml", NULL);
	char *own = g_build_filename(dir, "pictogrammen", NULL);
	char *evil = g_build_filename(own, "buiten.svg", NULL);

	g_assert_true(g_file_set_contents(site, "school: S\nbasis_url: "
	    "https://s.example/\nlogo: ../../../etc/passwd\ntalen:\n  - code: "
	    "nl\n    naam: Nederlands\n", -1, NULL));
	g_mkdir_with_parents(own, 0755);
	g_assert_cmpint(symlink("/etc/hostname", evil), ==, 0);
	tip(dir, "tip.nl.md", "Tekst.\n", -1);
	expect_error(dir, "logo '../../../etc/passwd' must be a file in the "
	    "content folder");
	expect_error(dir, "buiten.svg: error: this link points outside the "
	    "content folder");
	g_free(evil);
	g_free(own);
	g_free(site);
	g_free(dir);
}

static void
test_odd_names(void)
{
	static const char *const names[] = {
		"a b.nl.md", "ë.nl.md", "x;rm -rf.nl.md", "$(id).nl.md",
		"<script>.nl.md", "-n.nl.md", ".nl.md"
	};
	char *dir = folder("names");

	for (size_t i = 0; i < G_N_ELEMENTS(names); i++)
		tip(dir, names[i], "Tekst.\n", -1);
	for (size_t i = 0; i < G_N_ELEMENTS(names); i++) {
		char *want = g_strdup_printf("%s: error: name the file <slug>."
		    "<language>.md", names[i]);
		/* ".nl.md" starts with a dot: a hidden file, not read */
		if (names[i][0] != '.')
			expect_error(dir, want);
		g_free(want);
	}
	g_free(dir);
}

int
main(int argc, char *argv[])
{
	int r;

	g_test_init(&argc, &argv, NULL);
	tmp = g_dir_make_tmp("kt-hostile-XXXXXX", NULL);
	g_test_add_func("/hostile/deep-quotes", test_deep_quotes);
	g_test_add_func("/hostile/deep-lists", test_deep_lists);
	g_test_add_func("/hostile/pathological-markdown",
	    test_pathological_markdown);
	g_test_add_func("/hostile/large-file", test_large_file);
	g_test_add_func("/hostile/long-lines", test_long_lines);
	g_test_add_func("/hostile/bytes", test_bytes);
	g_test_add_func("/hostile/not-files", test_not_files);
	g_test_add_func("/hostile/escaping-paths", test_escaping_paths);
	g_test_add_func("/hostile/odd-names", test_odd_names);
	r = g_test_run();
	kt_remove_tree(tmp);
	g_free(tmp);
	return r;
}
