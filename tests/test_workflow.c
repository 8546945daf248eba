/*
 * The coordinator's way of working, through the program as they run it:
 * a language taken out of site.yaml.
 */
#include <glib.h>
#include <string.h>

#include "out/writer.h"
#include "util.h"

static char *tmp;	/* a folder for this run */

/* A new folder in tmp for one case. */
static char *
case_dir(const char *name)
{
	char *d = g_build_filename(tmp, name, NULL);

	g_assert_cmpint(g_mkdir_with_parents(d, 0755), ==, 0);
	return d;
}

static char *
read_file(const char *path)
{
	char *text = NULL;

	g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
	return text;
}

static void
write_file(const char *path, const char *text)
{
	g_assert_true(g_file_set_contents(path, text, -1, NULL));
}

/* text with every from replaced by to; the caller frees it. */
static char *
replaced(const char *text, const char *from, const char *to)
{
	char **parts = g_strsplit(text, from, -1);
	char *r;

	g_assert_nonnull(parts[1]);
	r = g_strjoinv(to, parts);
	g_strfreev(parts);
	return r;
}

/* The 1-based number of the line of text that starts with prefix. */
static int
line_of(const char *text, const char *prefix)
{
	char **lines = g_strsplit(text, "\n", -1);
	int n = 0;

	for (int i = 0; lines[i] != NULL && n == 0; i++)
		if (g_str_has_prefix(lines[i], prefix))
			n = i + 1;
	g_strfreev(lines);
	return n;
}

/* keukentafel with these words; its stdout and stderr, the status. */
static int
kt(const char *const *words, char **out, char **err)
{
	GPtrArray *argv = g_ptr_array_new();
	char *said = NULL;
	int r;

	g_ptr_array_add(argv, (gpointer)KT);
	for (const char *const *w = words; *w != NULL; w++)
		g_ptr_array_add(argv, (gpointer)*w);
	g_ptr_array_add(argv, NULL);
	r = t_run((const char *const *)argv->pdata, NULL, out ? out : &said,
	    err);
	g_ptr_array_free(argv, TRUE);
	g_free(said);
	return r;
}

/* keukentafel check -C dir: its messages, the status. */
static int
check(const char *dir, char **err)
{
	const char *words[] = { "check", "-C", dir, NULL };

	return kt(words, NULL, err);
}

/* ---- a language taken out of site.yaml ---- */

static void
test_language_removed(void)
{
	char *dir = case_dir("removed"), *err = NULL, *text, *want, *site;
	char *content = g_build_filename(dir, "site", NULL);
	const char *cp[] = { "cp", "-r", "tests/site", content, NULL };
	char **lines;
	int errors = 0;

	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	site = g_build_filename(content, "site.yaml", NULL);
	text = read_file(site);
	want = replaced(text, "  - code: ti\n    naam: ትግርኛ\n", "");
	write_file(site, want);
	g_free(want);
	for (int i = 1; i <= 5; i++) {	/* seven files in Tigrinya now */
		char *p = g_strdup_printf("%s/tips/extra-%d.ti.md", content, i);
		write_file(p, "---\ntitel: x\n---\nx\n");
		g_free(p);
	}
	g_assert_cmpint(check(content, &err), ==, 1);
	/* one error, at talen, naming the first files and the count */
	want = g_strdup_printf("%s:%d:1: error: 7 files are in a language "
	    "that site.yaml does not list (ti): %s/avonden/kennismaking-klas-"
	    "1.ti.md, %s/opdrachten/trots-op-jezelf.ti.md, %s/tips/extra-1."
	    "ti.md, %s/tips/extra-2.ti.md, %s/tips/extra-3.ti.md and 2 more; "
	    "delete them (rm %s/*/*.ti.md), or add the language under "
	    "'talen'\n", site, line_of(text, "talen:"), content, content,
	    content, content, content, content);
	g_assert_nonnull(strstr(err, want));
	lines = g_strsplit(err, "\n", -1);
	for (char **l = lines; *l != NULL; l++)
		if (strstr(*l, ": error: ") != NULL)
			errors++;
	g_assert_cmpint(errors, ==, 1);
	g_strfreev(lines);
	g_free(want);
	g_free(err);
	g_free(text);
	g_free(site);
	g_free(content);
	g_free(dir);
}

int
main(int argc, char *argv[])
{
	int r;

	g_test_init(&argc, &argv, NULL);
	tmp = g_dir_make_tmp("kt-workflow-XXXXXX", NULL);
	g_test_add_func("/workflow/language-removed", test_language_removed);
	r = g_test_run();
	kt_remove_tree(tmp);
	g_free(tmp);
	return r;
}
