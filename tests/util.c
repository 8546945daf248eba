/*
 * Test helpers: processes through GLib, PDFs through poppler's tools, the
 * fixture through tests/fixture.sh (which holds its options and its lock).
 */
#include "util.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include "out/writer.h"

const char *
t_kt(void)
{
	const char *b = g_getenv("KT_BIN");

	return b != NULL && *b ? b : "generator/keukentafel";
}

gint
t_cmp_str(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int
t_run(const char *const *argv, const char *const *env, char **out,
    char **err)
{
	char **envp = g_get_environ();
	int status;
	GError *e = NULL;

	for (int i = 0; env != NULL && env[i] != NULL; i += 2)
		envp = g_environ_setenv(envp, env[i], env[i + 1], TRUE);
	if (!g_spawn_sync(NULL, (char **)argv, envp, G_SPAWN_SEARCH_PATH, NULL,
	    NULL, out, err, &status, &e))
		g_error("cannot run %s: %s", argv[0], e->message);
	g_strfreev(envp);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 255;
}

int
t_build(const char *content, const char *dest, const char *epoch,
    const char *const *extra, char **err)
{
	GPtrArray *argv = g_ptr_array_new();
	const char *env[] = { "SOURCE_DATE_EPOCH", epoch, NULL };
	int r;

	g_ptr_array_add(argv, (gpointer)KT);
	g_ptr_array_add(argv, (gpointer)"build");
	g_ptr_array_add(argv, (gpointer)"-q");
	g_ptr_array_add(argv, (gpointer)"-C");
	g_ptr_array_add(argv, (gpointer)content);
	g_ptr_array_add(argv, (gpointer)"-o");
	g_ptr_array_add(argv, (gpointer)dest);
	for (int i = 0; extra != NULL && extra[i] != NULL; i++)
		g_ptr_array_add(argv, (gpointer)extra[i]);
	g_ptr_array_add(argv, NULL);
	r = t_run((const char *const *)argv->pdata, epoch ? env : NULL, NULL,
	    err);
	g_ptr_array_free(argv, TRUE);
	return r;
}

static char *own_fixture;	/* built for this process alone */

static void
remove_own_fixture(void)
{
	kt_remove_tree(own_fixture);
	g_free(own_fixture);
}

const char *
t_fixture(void)
{
	static char *out;
	const char *dir = g_getenv("KT_FIXTURE");
	const char *argv[] = { "tests/fixture.sh", NULL, NULL };
	char *err = NULL;

	if (out != NULL)
		return out;
	if (dir == NULL || *dir == '\0') {
		own_fixture = g_dir_make_tmp("kt-fixture-XXXXXX", NULL);
		g_assert_nonnull(own_fixture);
		atexit(remove_own_fixture);
		dir = own_fixture;
	}
	argv[1] = dir;
	if (t_run(argv, NULL, NULL, &err) != 0)
		g_error("no test fixture:\n%s", err);
	g_free(err);
	out = g_build_filename(dir, "out", NULL);
	return out;
}

static void
collect(const char *dir, const char *rel, GPtrArray *acc)
{
	GDir *g = g_dir_open(dir, 0, NULL);
	const char *name;

	if (g == NULL)
		return;
	while ((name = g_dir_read_name(g)) != NULL) {
		char *p = g_build_filename(dir, name, NULL);
		char *r = rel ? g_build_filename(rel, name, NULL) :
		    g_strdup(name);

		if (g_file_test(p, G_FILE_TEST_IS_DIR))
			collect(p, r, acc);
		else
			g_ptr_array_add(acc, g_strdup(r));
		g_free(p);
		g_free(r);
	}
	g_dir_close(g);
}

GPtrArray *
t_files(const char *dir)
{
	GPtrArray *a = g_ptr_array_new_with_free_func(g_free);

	collect(dir, NULL, a);
	g_ptr_array_sort(a, t_cmp_str);
	return a;
}

char *
t_tree_digest(const char *dir)
{
	GPtrArray *files = t_files(dir);
	GString *s = g_string_new(NULL);

	for (guint i = 0; i < files->len; i++) {
		char *p, *data, *sum;
		gsize len;

		/* the build's cache of file times: different on every disk */
		if (strcmp(g_ptr_array_index(files, i),
		    ".keukentafel/stamps") == 0)
			continue;
		p = g_build_filename(dir, g_ptr_array_index(files, i), NULL);

		g_assert_true(g_file_get_contents(p, &data, &len, NULL));
		sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
		    (guchar *)data, len);
		g_string_append_printf(s, "%s %s\n", sum,
		    (char *)g_ptr_array_index(files, i));
		g_free(sum);
		g_free(data);
		g_free(p);
	}
	g_ptr_array_free(files, TRUE);
	return g_string_free(s, FALSE);
}

char *
t_pdf_text(const char *path, int page)
{
	char n[16], *text = NULL;
	const char *all[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
	const char *one[] = { "pdftotext", "-enc", "UTF-8", "-f", n, "-l", n,
	    path, "-", NULL };

	g_snprintf(n, sizeof n, "%d", page);
	g_assert_cmpint(t_run(page > 0 ? one : all, NULL, &text, NULL), ==, 0);
	return text;
}

gboolean
t_contains(const char *hay, const char *needle)
{
	GString *h = g_string_new(NULL), *n = g_string_new(NULL);
	gboolean r;

	for (const char *c = hay; *c; c++)
		if (!g_ascii_isspace(*c))
			g_string_append_c(h, *c);
	for (const char *c = needle; *c; c++)
		if (!g_ascii_isspace(*c))
			g_string_append_c(n, *c);
	r = strstr(h->str, n->str) != NULL;
	g_string_free(h, TRUE);
	g_string_free(n, TRUE);
	return r;
}

char *
t_qr(const char *pdf, const char *tmpdir)
{
	char *png = g_build_filename(tmpdir, "qr", NULL);
	char *png1 = g_strconcat(png, "-1.png", NULL), *so = NULL;
	const char *render[] = { "pdftoppm", "-r", "150", "-f", "1", "-l", "1",
	    "-png", pdf, png, NULL };
	const char *scan[] = { "zbarimg", "-q", "--raw", png1, NULL };

	g_assert_cmpint(t_run(render, NULL, NULL, NULL), ==, 0);
	if (t_run(scan, NULL, &so, NULL) != 0)
		g_clear_pointer(&so, g_free);
	g_free(png1);
	g_free(png);
	return so != NULL ? g_strstrip(so) : NULL;
}

int
t_pdf_pages(const char *path)
{
	const char *argv[] = { "pdfinfo", path, NULL };
	char *out = NULL, *p;
	int n;

	g_assert_cmpint(t_run(argv, NULL, &out, NULL), ==, 0);
	p = strstr(out, "Pages:");
	g_assert_nonnull(p);
	n = atoi(p + 6);
	g_free(out);
	return n;
}

/* The relative links of one page that lead to no file, added to dead. */
static void
page_dead_links(const char *out, const char *rel, GPtrArray *dead)
{
	char *p = g_build_filename(out, rel, NULL), *base;
	htmlDocPtr d = htmlReadFile(p, "UTF-8", HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	xmlXPathContextPtr c = xmlXPathNewContext(d);
	xmlXPathObjectPtr o = xmlXPathEvalExpression(
	    BAD_CAST "//@href | //@src", c);

	base = g_path_get_dirname(p);
	for (int j = 0; o->nodesetval && j < o->nodesetval->nodeNr; j++) {
		xmlChar *u = xmlNodeGetContent(o->nodesetval->nodeTab[j]);
		char *target = g_strdup((const char *)u), *cut, *plain, *f;

		xmlFree(u);
		if ((cut = strpbrk(target, "#?")) != NULL)
			*cut = '\0';
		plain = g_uri_unescape_string(target, NULL);
		if (plain != NULL && *plain != '\0' &&
		    !g_str_has_prefix(plain, "mailto:") &&
		    strstr(target, "://") == NULL) {
			f = g_build_filename(base, plain, NULL);
			if (!g_file_test(f, G_FILE_TEST_IS_REGULAR))
				g_ptr_array_add(dead, g_strdup_printf("%s: %s",
				    rel, target));
			g_free(f);
		}
		g_free(plain);
		g_free(target);
	}
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(c);
	xmlFreeDoc(d);
	g_free(base);
	g_free(p);
}

GPtrArray *
t_dead_links(const char *out)
{
	GPtrArray *all = t_files(out);
	GPtrArray *dead = g_ptr_array_new_with_free_func(g_free);

	for (guint i = 0; i < all->len; i++) {
		const char *rel = g_ptr_array_index(all, i);

		/* the 404 page links from the site's root, at any depth */
		if (g_str_has_suffix(rel, ".html") &&
		    strcmp(rel, "404.html") != 0)
			page_dead_links(out, rel, dead);
	}
	g_ptr_array_free(all, TRUE);
	return dead;
}

void
t_write_file(const char *dir, const char *rel, const char *text)
{
	char *p = g_build_filename(dir, rel, NULL);

	g_assert_true(g_file_set_contents(p, text, -1, NULL));
	g_free(p);
}

char *
t_class_list(const char *dir, const char *name,
    const char *const pupils[][2], guint n)
{
	GString *s = g_string_new("naam;taal\n");

	for (guint i = 0; i < n; i++)
		g_string_append_printf(s, "\"%s\";%s\n", pupils[i][0],
		    pupils[i][1]);
	g_assert_cmpint(g_mkdir_with_parents(dir, 0755), ==, 0);
	t_write_file(dir, name, s->str);
	g_string_free(s, TRUE);
	return g_build_filename(dir, name, NULL);
}

int
t_print(const char *what, const char *slug, const char *list,
    const char *map, const char *out, const char *epoch,
    const char *const *extra, char **err)
{
	GPtrArray *argv = g_ptr_array_new();
	const char *env[] = { "SOURCE_DATE_EPOCH", epoch, NULL };
	const char *fixed[] = { KT, "print", what, slug, "-C", "tests/site",
	    "--klas", list, "--map", map, "-o", out, NULL };
	int r;

	for (int i = 0; fixed[i] != NULL; i++)
		g_ptr_array_add(argv, (gpointer)fixed[i]);
	for (int i = 0; extra != NULL && extra[i] != NULL; i++)
		g_ptr_array_add(argv, (gpointer)extra[i]);
	g_ptr_array_add(argv, NULL);
	r = t_run((const char *const *)argv->pdata, env, NULL, err);
	g_ptr_array_free(argv, TRUE);
	return r;
}

static void
word_free(gpointer data)
{
	struct t_word *w = data;

	g_free(w->text);
	g_free(w);
}

/* The number in name="..." in a line of pdftotext -bbox. */
static double
bbox_attr(const char *line, const char *name)
{
	char *key = g_strdup_printf("%s=\"", name);
	const char *at = strstr(line, key);
	double v = at != NULL ? g_ascii_strtod(at + strlen(key), NULL) : 0;

	g_free(key);
	return v;
}

GPtrArray *
t_pdf_words(const char *pdf, int page)
{
	char *pg = g_strdup_printf("%d", page);
	const char *all[] = { "pdftotext", "-bbox", pdf, "-", NULL };
	const char *one[] = { "pdftotext", "-bbox", "-f", pg, "-l", pg, pdf,
	    "-", NULL };
	GPtrArray *words = g_ptr_array_new_with_free_func(word_free);
	char *out = NULL, **lines;
	int at = page > 0 ? page - 1 : 0;
	double page_h = 0;

	g_assert_cmpint(t_run(page > 0 ? one : all, NULL, &out, NULL), ==, 0);
	lines = g_strsplit(out, "\n", -1);
	for (int i = 0; lines[i] != NULL; i++) {
		const char *l = lines[i], *gt, *end;
		struct t_word *w;

		if (strstr(l, "<page ") != NULL) {
			at++;
			page_h = bbox_attr(l, "height");
		}
		if (strstr(l, "<word ") == NULL)
			continue;
		gt = strchr(l, '>');
		end = strstr(l, "</word>");
		w = g_new0(struct t_word, 1);
		w->page = at;
		w->page_h = page_h;
		w->x0 = bbox_attr(l, "xMin");
		w->y0 = bbox_attr(l, "yMin");
		w->x1 = bbox_attr(l, "xMax");
		w->y1 = bbox_attr(l, "yMax");
		w->text = g_strndup(gt + 1, (gsize)(end - gt - 1));
		g_ptr_array_add(words, w);
	}
	g_strfreev(lines);
	g_free(out);
	g_free(pg);
	return words;
}

gboolean
t_has_script(const char *s, gunichar first, gunichar last)
{
	for (const char *p = s; *p != '\0'; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (c >= first && c <= last)
			return TRUE;
	}
	return FALSE;
}

int
t_pupil_in(const char *text, const char *const pupils[][2], guint n)
{
	for (guint i = 0; i < n; i++)
		if (t_contains(text, pupils[i][0]))
			return (int)i;
	return -1;
}

char **
t_pdf_tree(const char *pdf)
{
	const char *argv[] = { "sh", "-c", "qpdf --json --json-key=qpdf "
	    "\"$0\" | jq -r -f tests/structtree.jq", pdf, NULL };
	char *out = NULL;
	char **lines;

	g_assert_cmpint(t_run(argv, NULL, &out, NULL), ==, 0);
	lines = g_strsplit(g_strchomp(out), "\n", -1);
	g_free(out);
	return lines;
}

void
t_pdf_assert_tagged(const char *pdf)
{
	const char *check[] = { "qpdf", "--check", pdf, NULL };
	const char *info[] = { "pdfinfo", pdf, NULL };
	char *c = NULL, *e = NULL, *i = NULL;

	g_assert_cmpint(t_run(info, NULL, &i, NULL), ==, 0);
	g_assert_cmpint(t_run(check, NULL, &c, &e), ==, 0);
	g_assert_nonnull(strstr(c, "No syntax or stream encoding errors"));
	g_assert_cmpstr(e, ==, "");
	if (strstr(i, "Tagged:          yes") == NULL)
		g_error("%s is not tagged", pdf);
	g_free(c);
	g_free(e);
	g_free(i);
}

/* The value after key= in an element's line, without qpdf's "u:". */
char *
t_tree_attr(const char *line, const char *key)
{
	const char *at = strstr(line, key), *end;

	g_assert_nonnull(at);
	at += strlen(key);
	if (g_str_has_prefix(at, "u:"))
		at += 2;
	end = strstr(at, " alt=");
	if (end == NULL || strcmp(key, "alt=") == 0)
		end = at + strlen(at);
	return g_strndup(at, (gsize)(end - at));
}

/* Every picto.* description of a language, as its UI strings file has
 * it. */
GHashTable *
t_picto_descriptions(const char *lang)
{
	char *file = g_strdup_printf("themes/default/i18n/%s.yaml", lang);
	char *text = NULL;
	GHashTable *set = g_hash_table_new_full(g_str_hash, g_str_equal,
	    g_free, NULL);
	char **lines;

	g_assert_true(g_file_get_contents(file, &text, NULL, NULL));
	lines = g_strsplit(text, "\n", -1);
	for (char **l = lines; *l != NULL; l++) {
		char *v;

		if (!g_str_has_prefix(*l, "picto.") || (v = strstr(*l,
		    ": \"")) == NULL)
			continue;
		g_hash_table_add(set, g_strndup(v + 3, strlen(v + 3) - 1));
	}
	/* distinct descriptions: a few pictograms share one */
	g_assert_cmpuint(g_hash_table_size(set), >=, 60);
	g_strfreev(lines);
	g_free(text);
	g_free(file);
	return set;
}
