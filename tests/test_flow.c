/*
 * The coordinator's and the mentor's workflow (issue 27): print for a
 * class (one PDF in the families' languages, outside out/, dates in three
 * forms), the build's records beside out/ rather than in it, check's
 * warning on basis_url, plural forms in the pages, and the school's logo
 * in every page's header. Each case works in its own temporary folder;
 * the fixture is only read.
 */
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>

#include "out/writer.h"
#include "util.h"

static char *tmp;

#define SLUG "trots-op-jezelf"
#define EPOCH "1700000000"
#define BASE_URL "https://lob.testschool.example/"	/* tests/site's */

/* The class, in its order, and each family's language. */
static const char *const pupils[][2] = {
	{ "Ayşe Yılmaz", "en" },
	{ "Daan de Vries", "nl" },
	{ "Mohammed El Amrani", "ar" },
	{ "Sanne Bakker", "" },
	{ "Yonas Tesfay", "ti" },
};
#define NPUPILS G_N_ELEMENTS(pupils)

/* The class list as a spreadsheet saves it: a header, ; between. */
static char *
class_csv(void)
{
	char *dir = g_build_filename(tmp, "lists", NULL);
	char *path = t_class_list(dir, "3b.csv", pupils, NPUPILS);

	g_free(dir);
	return path;
}

/* keukentafel print opdracht slug on tests/site: util.c's t_print(). */
static int
print_class(const char *slug, const char *list, const char *map,
    const char *out, const char *const *extra, char **err)
{
	return t_print("opdracht", slug, list, map, out, EPOCH, extra, err);
}

/*
 * One PDF for the class: each pupil's sheet, in class order, with the
 * name on every page; the Arabic family's page has Arabic beside the
 * Dutch, the Tigrinya family's Ethiopic, the Dutch families' none; the
 * checklist has the names, the class, the mentor and the date.
 */
static void
test_print_class(void)
{
	char *list = class_csv(), *err = NULL;
	char *map = g_build_filename(tmp, "print-3b", NULL);
	char *out = g_build_filename(tmp, "print-out", NULL);
	char *sheets = g_build_filename(map, SLUG "-werkbladen.pdf", NULL);
	char *checklist = g_build_filename(map, SLUG "-klassenlijst.pdf",
	    NULL);
	const char *extra[] = { "--klasnaam", "3B", "--mentor",
	    "Mevrouw Bakker", "--telefoon", "06 1234 5678", "--inleveren",
	    "2026-12-11", NULL };
	const char *check[] = { "qpdf", "--check", sheets, NULL };
	int pages, last = -1, seen[NPUPILS] = { 0 };
	char *text, *lastline;

	g_assert_cmpint(print_class(SLUG, list, map, out, extra, &err), ==,
	    0);
	/* the last line says where the files are */
	lastline = strrchr(g_strchomp(err), '\n');
	lastline = lastline != NULL ? lastline + 1 : err;
	g_assert_nonnull(strstr(lastline, map));
	g_assert_false(g_file_test(out, G_FILE_TEST_EXISTS));
	g_assert_cmpint(t_run(check, NULL, NULL, NULL), ==, 0);
	pages = t_pdf_pages(sheets);
	g_assert_cmpint(pages, >=, (int)NPUPILS);
	for (int pg = 1; pg <= pages; pg++) {
		char *t = t_pdf_text(sheets, pg);
		int who = t_pupil_in(t, pupils, NPUPILS);

		if (who < 0)
			g_error("page %d names no pupil:\n%s", pg, t);
		/* in class order: a pupil's pages follow the one before */
		g_assert_cmpint(who, >=, last);
		last = who;
		seen[who]++;
		if (strcmp(pupils[who][1], "ar") == 0)
			g_assert_true(t_has_script(t, T_ARABIC));
		else
			g_assert_false(t_has_script(t, T_ARABIC));
		if (strcmp(pupils[who][1], "ti") == 0)
			g_assert_true(t_has_script(t, T_ETHIOPIC));
		g_free(t);
	}
	for (guint i = 0; i < NPUPILS; i++)
		g_assert_cmpint(seen[i], >=, 1);
	/* the first page of each: the home language's title, and Dutch's */
	text = t_pdf_text(sheets, 1);
	g_assert_true(t_contains(text, "Three things I am proud"));
	g_assert_true(t_contains(text, "Drie dingen waar ik trots"));
	g_free(text);

	text = t_pdf_text(checklist, 0);
	for (guint i = 0; i < NPUPILS; i++)
		g_assert_true(t_contains(text, pupils[i][0]));
	g_assert_true(t_contains(text, "Klas: 3B"));
	g_assert_true(t_contains(text, "Mentor: Mevrouw Bakker"));
	g_assert_true(t_contains(text, "06 1234 5678"));
	g_assert_true(t_contains(text, "11-12-2026"));
	g_free(text);
	g_free(err);
	g_free(list);
	g_free(map);
	g_free(out);
	g_free(sheets);
	g_free(checklist);
}

/*
 * An assignment with no Arabic text: the Arabic family's pupil gets the
 * Dutch sheet, and a warning at the pupil's line names pupil and
 * language. An unknown language is an error at its line and column.
 */
static void
test_print_untranslated(void)
{
	char *list = class_csv(), *err = NULL;
	char *map = g_build_filename(tmp, "print-open-dag", NULL);
	char *out = g_build_filename(tmp, "untranslated-out", NULL);
	char *sheets = g_build_filename(map, "open-dag-samen-werkbladen.pdf",
	    NULL);
	char *dir = g_build_filename(tmp, "lists", NULL), *bad, *text;

	g_assert_cmpint(print_class("open-dag-samen", list, map, out, NULL,
	    &err), ==, 0);
	/* Mohammed is on line 4 of the list */
	g_assert_nonnull(strstr(err, "3b.csv:4:"));
	g_assert_nonnull(strstr(err, "warning: Mohammed El Amrani: "));
	g_assert_nonnull(strstr(err, "العربية (ar)"));
	text = t_pdf_text(sheets, 0);
	g_assert_false(t_has_script(text, T_ARABIC));
	g_assert_true(t_contains(text, "Mohammed El Amrani"));
	g_free(text);
	g_clear_pointer(&err, g_free);

	t_write_file(dir, "bad.csv", "naam;taal\nDaan;nl\nSara;xx\n");
	bad = g_build_filename(dir, "bad.csv", NULL);
	g_assert_cmpint(print_class(SLUG, bad, map, out, NULL, &err), ==, 1);
	g_assert_nonnull(strstr(err, "bad.csv:3:6: error: 'xx' is not a "
	    "language of site.yaml; write one of nl, en, ar, ti"));
	g_assert_nonnull(strstr(err, "nothing was written"));
	g_free(err);
	g_free(bad);
	g_free(dir);
	g_free(list);
	g_free(map);
	g_free(out);
	g_free(sheets);
}

/* Every file below dir, and a PDF's text too, free of every name. */
static void
assert_no_names(const char *dir)
{
	GPtrArray *files = t_files(dir);

	g_assert_cmpuint(files->len, >, 0);
	for (guint i = 0; i < files->len; i++) {
		char *p = g_build_filename(dir, g_ptr_array_index(files, i),
		    NULL), *data = NULL, *text = NULL;
		gsize len;

		g_assert_true(g_file_get_contents(p, &data, &len, NULL));
		if (g_str_has_suffix(p, ".pdf"))
			text = t_pdf_text(p, 0);
		for (guint j = 0; j < NPUPILS; j++) {
			if (g_strstr_len(data, (gssize)len, pupils[j][0]) !=
			    NULL || (text != NULL && t_contains(text,
			    pupils[j][0])))
				g_error("%s holds %s", p, pupils[j][0]);
		}
		g_free(text);
		g_free(data);
		g_free(p);
	}
	g_ptr_array_free(files, TRUE);
}

/*
 * A build with the class list and a print of the class: no name in any
 * file of out/ (nor in the records beside it); print refuses a folder
 * inside out/.
 */
static void
test_no_names_in_out(void)
{
	char *list = class_csv(), *err = NULL;
	char *out = g_build_filename(tmp, "names-out", NULL);
	char *klas = g_build_filename(tmp, "names-klas", NULL);
	char *map = g_build_filename(tmp, "names-print", NULL);
	char *inside = g_build_filename(out, "klas", NULL);
	char *records = kt_records_dir(out);
	const char *extra[] = { "--klas", list, "--klassenmap", klas, NULL };

	g_assert_cmpint(t_build("tests/site", out, EPOCH, extra, &err), ==,
	    0);
	g_clear_pointer(&err, g_free);
	g_assert_cmpint(print_class(SLUG, list, map, out, NULL, &err), ==, 0);
	g_clear_pointer(&err, g_free);
	assert_no_names(out);
	assert_no_names(records);
	g_assert_cmpint(print_class(SLUG, list, inside, out, NULL, &err), ==,
	    1);
	g_assert_nonnull(strstr(err, "would be published"));
	g_assert_false(g_file_test(inside, G_FILE_TEST_EXISTS));
	g_free(err);
	g_free(list);
	g_free(out);
	g_free(klas);
	g_free(map);
	g_free(inside);
	g_free(records);
}

/* --inleveren as 2026-12-11, 11-12-2026 and "11 december 2026": the same
 * date on the checklist; 31-02-2026 is refused with what to write. */
static void
test_dates(void)
{
	static const char *const good[] = { "2026-12-11", "11-12-2026",
	    "11 december 2026", "11 dec 2026" };
	char *dir = g_build_filename(tmp, "lists", NULL);
	char *list = g_build_filename(dir, "one.csv", NULL);
	char *out = g_build_filename(tmp, "dates-out", NULL), *err = NULL;

	g_assert_cmpint(g_mkdir_with_parents(dir, 0755), ==, 0);
	t_write_file(dir, "one.csv", "Daan de Vries\n");
	for (guint i = 0; i < G_N_ELEMENTS(good); i++) {
		char *map = g_strdup_printf("%s/dates-%u", tmp, i);
		char *pdf = g_build_filename(map, SLUG "-klassenlijst.pdf",
		    NULL), *text;
		const char *extra[] = { "--inleveren", good[i], NULL };

		if (print_class(SLUG, list, map, out, extra, &err) != 0)
			g_error("%s refused:\n%s", good[i], err);
		g_clear_pointer(&err, g_free);
		text = t_pdf_text(pdf, 0);
		g_assert_true(t_contains(text, "Datum: 11-12-2026"));
		g_free(text);
		g_free(pdf);
		g_free(map);
	}
	{
		const char *extra[] = { "--inleveren", "31-02-2026", NULL };
		char *map = g_build_filename(tmp, "dates-bad", NULL);

		g_assert_cmpint(print_class(SLUG, list, map, out, extra, &err),
		    ==, 2);
		g_assert_nonnull(strstr(err, "--inleveren: '31-02-2026' is "
		    "not a date; write it as 2026-12-04, 4-12-2026 or 4 "
		    "december 2026"));
		g_assert_false(g_file_test(map, G_FILE_TEST_EXISTS));
		g_free(map);
	}
	g_free(err);
	g_free(dir);
	g_free(list);
	g_free(out);
}

/* A copy of tests/site to change, in tmp/name. */
static char *
content_copy(const char *name)
{
	char *dest = g_build_filename(tmp, name, NULL);
	const char *cp[] = { "cp", "-R", "tests/site", dest, NULL };

	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	return dest;
}

static void
replace_in(const char *path, const char *from, const char *to)
{
	char *text, **parts, *joined;

	g_assert_true(g_file_get_contents(path, &text, NULL, NULL));
	g_assert_nonnull(strstr(text, from));
	parts = g_strsplit(text, from, 2);
	joined = g_strjoinv(to, parts);
	g_assert_true(g_file_set_contents(path, joined, -1, NULL));
	g_strfreev(parts);
	g_free(joined);
	g_free(text);
}

/*
 * The records: beside out/, never in it; a build with nothing changed
 * leaves out/ be, an edit rebuilds to what a clean build gives, a failed
 * build leaves out/ and the records as they were, and old records found
 * inside out/ are left out of the new out/.
 */
static void
test_records(void)
{
	char *content = content_copy("records-site");
	char *out = g_build_filename(tmp, "records-out", NULL);
	char *clean = g_build_filename(tmp, "records-clean", NULL);
	char *rec = kt_records_dir(out);
	char *manifest = g_build_filename(rec, "manifest", NULL);
	char *in_out = g_build_filename(out, ".keukentafel", NULL);
	char *item = g_build_filename(content, "opdrachten", SLUG ".nl.md",
	    NULL);
	char *site = g_build_filename(content, "site.yaml", NULL);
	char *err = NULL, *a, *b, *ra, *rb;
	const char *verbose[] = { "-v", NULL };

	g_assert_cmpint(t_build(content, out, EPOCH, NULL, &err), ==, 0);
	g_clear_pointer(&err, g_free);
	g_assert_false(g_file_test(in_out, G_FILE_TEST_EXISTS));
	g_assert_true(g_file_test(manifest, G_FILE_TEST_IS_REGULAR));
	g_assert_true(g_str_has_prefix(rec, tmp));

	/* incremental: an edit, then the same as a clean build */
	replace_in(item, "Drie dingen waar ik trots op ben",
	    "Drie dingen waar ik heel trots op ben");
	g_assert_cmpint(t_build(content, out, EPOCH, verbose, &err), ==, 0);
	g_assert_nonnull(strstr(err, "jobs reused from"));
	g_assert_null(strstr(err, ": 0 jobs reused from"));
	g_clear_pointer(&err, g_free);
	g_assert_cmpint(t_build(content, clean, EPOCH, NULL, &err), ==, 0);
	g_clear_pointer(&err, g_free);
	a = t_tree_digest(out);
	b = t_tree_digest(clean);
	g_assert_cmpstr(a, ==, b);
	g_free(b);

	/* a failed build: out/ and the records as they were */
	ra = t_tree_digest(rec);
	replace_in(site, "school: Testschool De Brug", "school: [kapot");
	g_assert_cmpint(t_build(content, out, EPOCH, NULL, &err), ==, 1);
	g_clear_pointer(&err, g_free);
	b = t_tree_digest(out);
	rb = t_tree_digest(rec);
	g_assert_cmpstr(a, ==, b);
	g_assert_cmpstr(ra, ==, rb);
	g_free(b);
	g_free(rb);
	replace_in(site, "school: [kapot", "school: Testschool De Brug");

	/* records an older keukentafel left inside out/ */
	g_assert_cmpint(g_mkdir_with_parents(in_out, 0755), ==, 0);
	t_write_file(in_out, "manifest", "keukentafel manifest 2\n");
	g_assert_cmpint(t_build(content, out, EPOCH, verbose, &err), ==, 0);
	g_assert_nonnull(strstr(err, "records move out of"));
	g_assert_false(g_file_test(in_out, G_FILE_TEST_EXISTS));
	g_free(err);
	b = t_tree_digest(out);
	g_assert_cmpstr(a, ==, b);
	g_free(a);
	g_free(b);
	g_free(ra);
	g_free(content);
	g_free(out);
	g_free(clean);
	g_free(rec);
	g_free(manifest);
	g_free(in_out);
	g_free(item);
	g_free(site);
}

/* check: basis_url with a folder and no final slash is a warning at its
 * place, with the address to write; a bare host is not. */
static void
test_base_url(void)
{
	char *content = content_copy("base-url");
	char *site = g_build_filename(content, "site.yaml", NULL);
	char *err = NULL, *want;
	const char *argv[] = { KT, "check", "-C", content, NULL };

	replace_in(site, "basis_url: https://lob.testschool.example/",
	    "basis_url: https://www.testschool.example/lob");
	g_assert_cmpint(t_run(argv, NULL, NULL, &err), ==, 0);
	want = g_strdup_printf("%s:4:12: warning: basis_url has a folder "
	    "without a final '/'; write 'https://www.testschool.example/lob/'",
	    site);
	if (strstr(err, want) == NULL)
		g_error("no warning:\n%s", err);
	g_clear_pointer(&err, g_free);
	replace_in(site, "https://www.testschool.example/lob",
	    "https://lob.testschool.example");
	g_assert_cmpint(t_run(argv, NULL, NULL, &err), ==, 0);
	g_assert_null(strstr(err, "basis_url"));
	g_free(err);
	g_free(want);
	g_free(site);
	g_free(content);
}

static htmlDocPtr
read_page(const char *path)
{
	htmlDocPtr doc = htmlReadFile(path, "UTF-8", HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);

	g_assert_nonnull(doc);
	return doc;
}

/* The string value of an XPath expression on a page. */
static char *
xpath_string(htmlDocPtr doc, const char *expr)
{
	xmlXPathContextPtr c = xmlXPathNewContext(doc);
	xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST expr, c);
	char *s = g_strdup(o != NULL && o->type == XPATH_STRING ?
	    (const char *)o->stringval : "");

	xmlXPathFreeObject(o);
	xmlXPathFreeContext(c);
	return s;
}

#define COUNT_XPATH "string(//p[@class='result-count'])"

/*
 * The bank's count in the page as written: the plural form of the
 * language for the number of items, with every form there for site.js.
 */
static void
test_plural(void)
{
	char *content = content_copy("plural");
	char *out = g_build_filename(tmp, "plural-out", NULL);
	char *err = NULL;
	/* the talk looks back at trots-op-jezelf: it goes too */
	const char *remove[] = { "sh", "-c", "cd \"$0\" && rm -f avonden/* "
	    "tips/* gesprekken/* opdrachten/trots-op-jezelf.* "
	    "opdrachten/veilig.*", content, NULL };
	static const char *const want[][2] = {
		{ "nl", "1 resultaat" }, { "en", "1 result" },
		{ "ar", "عدد النتائج: 1" },
	};

	g_assert_cmpint(t_run(remove, NULL, NULL, NULL), ==, 0);
	g_assert_cmpint(t_build(content, out, EPOCH, NULL, &err), ==, 0);
	for (guint i = 0; i < G_N_ELEMENTS(want); i++) {
		char *page = g_strdup_printf("%s/%s/index.html", out,
		    want[i][0]);
		htmlDocPtr doc = read_page(page);
		char *count = xpath_string(doc, COUNT_XPATH);

		g_assert_cmpstr(g_strstrip(count), ==, want[i][1]);
		g_free(count);
		xmlFreeDoc(doc);
		g_free(page);
	}
	{
		char *page = g_build_filename(t_fixture(), "nl/index.html",
		    NULL);
		htmlDocPtr doc = read_page(page);
		char *count = xpath_string(doc, COUNT_XPATH);
		char *one = xpath_string(doc, "string(//p[@class="
		    "'result-count']/@data-template-one)");
		char *other = xpath_string(doc, "string(//p[@class="
		    "'result-count']/@data-template)");

		/* five items and the talk */
		g_assert_cmpstr(g_strstrip(count), ==, "6 resultaten");
		g_assert_cmpstr(one, ==, "{n} resultaat");
		g_assert_cmpstr(other, ==, "{n} resultaten");
		g_free(count);
		g_free(one);
		g_free(other);
		xmlFreeDoc(doc);
		g_free(page);
	}
	g_free(err);
	g_free(out);
	g_free(content);
}

/* Every page's header has the school's logo, its name as alt text, and
 * the image is in out/. */
static void
test_logo(void)
{
	const char *out = t_fixture();
	GPtrArray *files = t_files(out);
	guint pages = 0;

	for (guint i = 0; i < files->len; i++) {
		const char *rel = g_ptr_array_index(files, i);
		char *path, *dir, *src, *alt, *img;
		htmlDocPtr doc;

		if (!g_str_has_suffix(rel, ".html"))
			continue;
		path = g_build_filename(out, rel, NULL);
		doc = read_page(path);
		src = xpath_string(doc, "string(//header//*[@class="
		    "'brand-logo']/img/@src)");
		alt = xpath_string(doc, "string(//header//*[@class="
		    "'brand-logo']/img/@alt)");
		if (*src == '\0')
			g_error("%s: no logo in the header", rel);
		g_assert_cmpstr(alt, ==, "Testschool De Brug");
		/* the 404 page is served at any address: from basis_url */
		dir = g_path_get_dirname(path);
		img = g_str_has_prefix(src, BASE_URL) ?
		    g_build_filename(out, src + strlen(BASE_URL), NULL) :
		    g_build_filename(dir, src, NULL);
		g_assert_true(g_file_test(img, G_FILE_TEST_IS_REGULAR));
		pages++;
		g_free(img);
		g_free(dir);
		g_free(src);
		g_free(alt);
		xmlFreeDoc(doc);
		g_free(path);
	}
	g_assert_cmpuint(pages, >, 10);
	g_ptr_array_free(files, TRUE);
}

/* The README's nginx block, with the site at root. */
static char *
readme_nginx(const char *root)
{
	char *readme, *block, **parts, *conf;
	const char *start, *end;

	g_assert_true(g_file_get_contents("README.md", &readme, NULL, NULL));
	start = strstr(readme, "```nginx\n");
	g_assert_nonnull(start);
	start += strlen("```nginx\n");
	end = strstr(start, "```");
	g_assert_nonnull(end);
	block = g_strndup(start, (gsize)(end - start));
	parts = g_strsplit(block, "/srv/keukentafel/out/", -1);
	g_assert_cmpuint(g_strv_length(parts), ==, 2);
	conf = g_strjoinv(root, parts);
	g_strfreev(parts);
	g_free(block);
	g_free(readme);
	return conf;
}

/* A port free on the loopback now. */
static guint16
free_port(void)
{
	GSocketListener *l = g_socket_listener_new();
	guint16 port = g_socket_listener_add_any_inet_port(l, NULL, NULL);

	g_socket_listener_close(l);
	g_object_unref(l);
	g_assert_cmpuint(port, >, 0);
	return port;
}

/* "status redirect" of a path on the server, as curl gives them; the
 * body in *body when asked; NULL when nothing answers. */
static char *
fetch(guint16 port, const char *path, char **body)
{
	char *url = g_strdup_printf("http://127.0.0.1:%u%s", port, path);
	char *file = g_build_filename(tmp, "nginx-body", NULL);
	const char *argv[] = { "curl", "-s", "-o", file, "-w",
	    "%{http_code} %{redirect_url}", url, NULL };
	char *status = NULL;

	if (t_run(argv, NULL, &status, NULL) != 0) {
		/* not listening yet: curl's exit 7 */
		g_free(status);
		g_free(file);
		g_free(url);
		return NULL;
	}
	if (body != NULL)
		g_assert_true(g_file_get_contents(file, body, NULL, NULL));
	g_free(file);
	g_free(url);
	return g_strstrip(status);
}

/* nginx with the README's block in its server, on port, from dir. */
static char *
nginx_conf(const char *dir, const char *site, guint16 port)
{
	char *root = g_strconcat(site, "/", NULL);
	char *block = readme_nginx(root);
	char *conf = g_strdup_printf("%s"
	    "worker_processes 1;\nerror_log %s/error.log;\n"
	    "pid %s/nginx.pid;\nevents { worker_connections 16; }\n"
	    "http {\ninclude /etc/nginx/mime.types;\naccess_log off;\n"
	    "client_body_temp_path %s;\nproxy_temp_path %s;\n"
	    "fastcgi_temp_path %s;\nuwsgi_temp_path %s;\n"
	    "scgi_temp_path %s;\n"
	    "server {\nlisten 127.0.0.1:%u;\n%s}\n}\n",
	    geteuid() == 0 ? "user root;\n" : "", dir, dir, dir, dir, dir,
	    dir, dir, port, block);

	g_free(block);
	g_free(root);
	return conf;
}

/* st is "status ..." as expected; frees st. */
static void
assert_status(char *st, const char *status)
{
	if (st == NULL)
		g_error("nginx did not answer, expected %s", status);
	if (!g_str_has_prefix(st, status))
		g_error("nginx answered %s, not %s", st, status);
	g_free(st);
}

/*
 * The README's nginx block, run: /lob goes on to /lob/, pages are
 * served, a missing page is the site's 404 page, and a dotfile is not
 * served.
 */
static void
test_nginx(void)
{
	char *nginx = g_find_program_in_path("nginx");
	char *site = g_build_filename(tmp, "nginx-site", NULL);
	char *dir = g_build_filename(tmp, "nginx", NULL);
	char *conf, *path, *body = NULL, *st = NULL;
	const char *cp[] = { "cp", "-R", t_fixture(), site, NULL };
	guint16 port = free_port();
	GPid pid;

	if (nginx == NULL && g_file_test("/usr/sbin/nginx",
	    G_FILE_TEST_IS_EXECUTABLE))
		nginx = g_strdup("/usr/sbin/nginx");
	if (nginx == NULL) {
		g_test_skip("nginx is not installed (make deps-check)");
		g_free(site);
		g_free(dir);
		return;
	}
	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	t_write_file(site, ".geheim", "not for the web\n");
	g_assert_cmpint(g_mkdir_with_parents(dir, 0755), ==, 0);
	conf = nginx_conf(dir, site, port);
	t_write_file(dir, "nginx.conf", conf);
	path = g_build_filename(dir, "nginx.conf", NULL);
	{
		const char *argv[] = { nginx, "-p", dir, "-c", path, "-g",
		    "daemon off;", NULL };

		g_assert_true(g_spawn_async(NULL, (char **)argv, NULL,
		    G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, NULL));
	}
	/* until it answers */
	for (int i = 0; i < 50 && st == NULL; i++) {
		st = fetch(port, "/lob/", NULL);
		if (st == NULL || !g_str_has_prefix(st, "200")) {
			g_clear_pointer(&st, g_free);
			g_usleep(100000);
		}
	}
	g_assert_nonnull(st);
	g_free(st);
	st = fetch(port, "/lob", NULL);
	g_assert_nonnull(st);
	g_assert_true(g_str_has_suffix(st, "/lob/"));
	assert_status(st, "301 ");
	assert_status(fetch(port, "/lob/nl/index.html", NULL), "200");
	assert_status(fetch(port, "/lob/nl/geen-pagina.html", &body), "404");
	g_assert_nonnull(strstr(body, "<title>Pagina niet gevonden"));
	g_clear_pointer(&body, g_free);
	assert_status(fetch(port, "/lob/.geheim", &body), "404");
	g_assert_null(strstr(body, "not for the web"));
	g_free(body);
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
	g_spawn_close_pid(pid);
	g_free(conf);
	g_free(path);
	g_free(nginx);
	g_free(site);
	g_free(dir);
}

int
main(int argc, char *argv[])
{
	int r;

	g_test_init(&argc, &argv, NULL);
	tmp = g_dir_make_tmp("kt-flow-XXXXXX", NULL);
	g_test_add_func("/flow/print-class", test_print_class);
	g_test_add_func("/flow/print-untranslated", test_print_untranslated);
	g_test_add_func("/flow/no-names-in-out", test_no_names_in_out);
	g_test_add_func("/flow/dates", test_dates);
	g_test_add_func("/flow/records", test_records);
	g_test_add_func("/flow/base-url", test_base_url);
	g_test_add_func("/flow/plural", test_plural);
	g_test_add_func("/flow/logo", test_logo);
	g_test_add_func("/flow/nginx", test_nginx);
	r = g_test_run();
	kt_remove_tree(tmp);
	g_free(tmp);
	return r;
}
