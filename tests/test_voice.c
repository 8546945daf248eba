/*
 * One voice and pictograms that tell steps apart: who asks each question
 * (vraagt) is loaded from the Dutch file and kept by its translations, a
 * wrong value is an error where it was written, check warns on a
 * question written as "ik" that does not say who asks and on a pictogram
 * beside more than one step in ten, and the sheet (nl, ar) and the page
 * print the label before the question. The shipped content passes.
 *
 * The cases that build share one build of tests/site with two
 * assignments added, made by the first case that needs it.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <string.h>

#include "build/check.h"
#include "build/voice.h"
#include "diag.h"
#include "load/load.h"
#include "model/model.h"
#include "out/writer.h"
#include "util.h"

#define OPENMOJI "node_modules/openmoji/black/svg"

static char *tmp;

/* Front matter and body around the thuis part of an assignment. */
#define HEAD(title) "---\ntitel: " title "\nsamenvatting: Samen praten.\n" \
	"onderwijstype: [havo]\nleerjaar: [3]\ncompetenties: [netwerken]\n" \
	"fase: verkennen\nduur: 20\npictogram: praten\nthuis:\n" \
	"  intro: Praat samen.\n"
#define TAIL "---\n## Doel\n\nPraten.\n\n## In de klas\n\nUitleg.\n\n" \
	"## Nabespreken\n\nTerugkijken.\n"

/* Two steps; questions 1 and 2 say who asks, 3 does not. */
static const char *const stem_nl = HEAD("Wie vraagt wat")
	"  stappen:\n"
	"    - pictogram: luisteren\n      tekst: U luistert.\n"
	"    - pictogram: schrijven\n      tekst: Uw kind schrijft het op.\n"
	"  vragen:\n"
	"    - vraagt: ouder\n      tekst: Wat wil je later worden?\n"
	"    - vraagt: leerling\n      tekst: Wat kan ik goed, volgens jou?\n"
	"    - Wie kan je helpen?\n"
	TAIL;
/* a translation: plain lines, or only tekst */
static const char *const stem_ar = "---\ntitel: من يسأل ماذا\n"
	"vertaling: concept\nthuis:\n  intro: تحدثوا معًا.\n  stappen:\n"
	"    - tekst: أنتم تستمعون.\n    - tekst: يكتب طفلكم ذلك.\n"
	"  vragen:\n    - ماذا تريد أن تصبح لاحقًا؟\n"
	"    - tekst: ماذا أجيد، في رأيكم؟\n    - من يستطيع مساعدتك؟\n---\n";

static char *
write_site(const char *name, const char *const *files)
{
	char *content = g_build_filename(tmp, name, NULL);
	const char *cp[] = { "cp", "-R", "tests/site", content, NULL };

	g_assert_cmpint(t_run(cp, NULL, NULL, NULL), ==, 0);
	for (int i = 0; files[i] != NULL; i += 2)
		t_write_file(content, files[i], files[i + 1]);
	return content;
}

/* keukentafel check of a content folder: its status; *err is stderr. */
static int
check(const char *content, char **err)
{
	const char *argv[] = { KT, "check", "-C", content, NULL };

	return t_run(argv, NULL, NULL, err);
}

/* The lines of text that start with prefix, joined. */
static char *
lines_of(const char *text, const char *prefix)
{
	char **lines = g_strsplit(text, "\n", -1);
	GString *s = g_string_new(NULL);

	for (char **l = lines; *l != NULL; l++)
		if (g_str_has_prefix(*l, prefix))
			g_string_append_printf(s, "%s\n", *l);
	g_strfreev(lines);
	return g_string_free(s, FALSE);
}

static const char *
built(void)
{
	static char *dest;
	const char *files[] = { "opdrachten/stem.nl.md", stem_nl,
	    "opdrachten/stem.ar.md", stem_ar, NULL };
	char *content, *err = NULL;

	if (dest != NULL)
		return dest;
	content = write_site("built", files);
	dest = g_build_filename(tmp, "built-out", NULL);
	g_assert_cmpint(t_build(content, dest, "1700000000", NULL, &err), ==,
	    0);
	g_free(err);
	g_free(content);
	return dest;
}

/* ---- loading ---- */

static void
test_load_asker(void)
{
	const char *files[] = { "opdrachten/stem.nl.md", stem_nl,
	    "opdrachten/stem.ar.md", stem_ar, NULL };
	char *content = write_site("load", files);
	char *theme = g_build_filename("themes", "default", NULL);
	struct kt_paths p = { content, theme, OPENMOJI, 1 };
	struct kt_diag *d = kt_diag_new();
	struct kt_model *m = kt_load(&p, d);
	const struct kt_item *it = kt_model_find(m, KT_ASSIGNMENT, "stem");
	const struct kt_text *ar;
	char *q;

	/* the test school's own warnings (raw HTML) aside, nothing */
	g_assert_cmpuint(kt_diag_count(d, KT_ERROR), ==, 0);
	for (guint i = 0; i < d->problems->len; i++)
		g_assert_null(strstr(((struct kt_problem *)g_ptr_array_index(
		    d->problems, i))->path, "stem."));
	g_assert_nonnull(it);
	g_assert_cmpuint(it->askers->len, ==, 3);
	g_assert_cmpint(kt_question_asker(it, 0), ==,
	    kt_vocab_find(KT_V_ASKER, "ouder"));
	g_assert_cmpint(kt_question_asker(it, 1), ==,
	    kt_vocab_find(KT_V_ASKER, "leerling"));
	g_assert_cmpint(kt_question_asker(it, 2), ==, -1);
	g_assert_cmpint(kt_question_asker(it, 7), ==, -1);
	g_assert_cmpstr(kt_asker_label(m, it, 0, "nl"), ==,
	    kt_str(m, "nl", "v.vraagt.ouder"));
	g_assert_cmpstr(kt_asker_label(m, it, 1, "nl"), ==,
	    "Uw kind vraagt u:");
	g_assert_null(kt_asker_label(m, it, 2, "nl"));
	/* the question is the text under tekst, without the asker */
	q = kt_md_plain(g_ptr_array_index(it->source->questions, 1));
	g_assert_cmpstr(q, ==, "Wat kan ik goed, volgens jou?");
	g_free(q);
	/* the translation: the same voice, question by question, in its
	 * own words */
	ar = kt_item_text(it, "ar");
	g_assert_nonnull(ar);
	g_assert_cmpuint(ar->questions->len, ==, 3);
	q = kt_md_plain(g_ptr_array_index(ar->questions, 1));
	g_assert_cmpstr(q, ==, "ماذا أجيد، في رأيكم؟");
	g_free(q);
	g_assert_cmpstr(kt_asker_label(m, it, 1, "ar"), ==,
	    kt_str(m, "ar", "v.vraagt.leerling"));
	g_assert_cmpstr(kt_asker_label(m, it, 1, "ar"), !=,
	    kt_asker_label(m, it, 1, "nl"));
	kt_model_free(m);
	kt_diag_free(d);
	g_free(theme);
	g_free(content);
}

/* Every language of the site has its own three labels. */
static void
test_labels_everywhere(void)
{
	struct kt_diag *d = kt_diag_new();
	struct kt_paths p = { "content", "themes/default", OPENMOJI, 1 };
	struct kt_model *m = kt_load(&p, d);

	for (guint i = 1; i < m->site.languages->len; i++) {
		const struct kt_language *l = g_ptr_array_index(
		    m->site.languages, i);
		GHashTable *own = g_hash_table_lookup(m->strings, l->code);

		for (int a = 0; a < kt_vocab_size(KT_V_ASKER); a++) {
			char *key = g_strdup_printf("v.vraagt.%s",
			    kt_vocab_name(KT_V_ASKER, a));
			const char *s = own ? g_hash_table_lookup(own, key) :
			    NULL;

			g_assert_nonnull(s);
			g_assert_cmpstr(s, !=, kt_str(m, "nl", key));
			g_free(key);
		}
	}
	kt_model_free(m);
	kt_diag_free(d);
}

/* ---- errors where they were written ---- */

static void
test_bad_asker(void)
{
	const char *bad_nl = HEAD("Fout")
	    "  stappen:\n    - pictogram: luisteren\n      tekst: U luistert.\n"
	    "  vragen:\n"
	    "    - vraagt: kind\n      tekst: Wat wil je worden?\n"
	    "    - vraagt: oudr\n      tekst: Wat kun je goed?\n"
	    "    - vraagt: [ouder]\n      tekst: Wie helpt je?\n"
	    TAIL;
	/* a translation does not say who asks: the Dutch file does */
	const char *bad_en = "---\ntitel: Wrong\nvertaling: concept\n"
	    "thuis:\n  intro: Talk.\n  stappen:\n    - tekst: You listen.\n"
	    "  vragen:\n    - vraagt: ouder\n      tekst: What do you want "
	    "to be?\n    - What are you good at?\n    - Who helps you?\n---\n";
	const char *files[] = { "opdrachten/fout.nl.md", bad_nl,
	    "opdrachten/fout.en.md", bad_en, NULL };
	char *content = write_site("bad", files);
	char *nl = g_build_filename(content, "opdrachten/fout.nl.md", NULL);
	char *en = g_build_filename(content, "opdrachten/fout.en.md", NULL);
	char *err = NULL, *got, *want;

	g_assert_cmpint(check(content, &err), !=, 0);
	/* line 16 of the file: vraagt: kind, its value at column 15 */
	got = lines_of(err, nl);
	want = g_strdup_printf(
	    "%s:16:15: error: vraagt 'kind' is not who asks; write vraagt: "
	    "ouder (the parent asks the pupil), leerling (the pupil asks the "
	    "parent) or samen (they decide together)\n"
	    "%s:18:15: error: vraagt 'oudr' is not who asks; did you mean "
	    "'ouder'? write vraagt: ouder (the parent asks the pupil), "
	    "leerling (the pupil asks the parent) or samen (they decide "
	    "together)\n"
	    "%s:20:15: error: vraagt a list is not who asks; write vraagt: "
	    "ouder (the parent asks the pupil), leerling (the pupil asks the "
	    "parent) or samen (they decide together)\n",
	    nl, nl, nl);
	g_assert_cmpstr(got, ==, want);
	g_free(got);
	g_free(want);
	got = lines_of(err, en);
	want = g_strdup_printf("%s:9:7: error: field 'vraagt' comes from the "
	    "Dutch file; remove it here\n", en);
	g_assert_cmpstr(got, ==, want);
	g_free(got);
	g_free(want);
	g_free(err);
	g_free(en);
	g_free(nl);
	g_free(content);
}

/* ---- check: "ik" with no asker ---- */

static void
test_first_person(void)
{
	const char *ik_nl = HEAD("Ik")
	    "  stappen:\n    - pictogram: luisteren\n      tekst: U luistert.\n"
	    "  vragen:\n"
	    "    - Wat kan ik goed?\n"
	    "    - Wat vind je van mijn plan?\n"
	    "    - Wat kun je goed?\n"
	    "    - vraagt: leerling\n      tekst: Wat kan ik goed, volgens "
	    "jou?\n"
	    "    - vraagt: ouder\n      tekst: \"Vraag aan uw kind: Wat "
	    "wil je?\"\n"
	    TAIL;
	const char *ik_en = "---\ntitel: I\nvertaling: concept\n"
	    "thuis:\n  intro: Talk.\n  stappen:\n    - tekst: You listen.\n"
	    "  vragen:\n    - What can you do well?\n    - What do you think "
	    "of the plan?\n    - What am I good at?\n"
	    "    - What am I good at, you think?\n    - What do you want?\n"
	    "---\n";
	const char *files[] = { "opdrachten/ik.nl.md", ik_nl,
	    "opdrachten/ik.en.md", ik_en, NULL };
	char *content = write_site("ik", files);
	char *nl = g_build_filename(content, "opdrachten/ik.nl.md", NULL);
	char *en = g_build_filename(content, "opdrachten/ik.en.md", NULL);
	char *err = NULL, *got, *want;

	g_assert_cmpint(check(content, &err), ==, 0);
	got = lines_of(err, nl);
	want = g_strdup_printf(
	    "%s:16:7: warning: question 1 speaks as 'ik' but does not say "
	    "who asks; write it here as '- vraagt: leerling' (the pupil asks "
	    "the parent) or '- vraagt: ouder' (the parent asks the pupil), "
	    "with the question under 'tekst:'\n"
	    "%s:17:7: warning: question 2 speaks as 'mijn' but does not say "
	    "who asks; write it here as '- vraagt: leerling' (the pupil asks "
	    "the parent) or '- vraagt: ouder' (the parent asks the pupil), "
	    "with the question under 'tekst:'\n"
	    "%s:22:14: warning: question 5 starts with 'Vraag aan uw kind:', "
	    "which the sheet prints from vraagt: ouder; remove those words\n",
	    nl, nl, nl);
	g_assert_cmpstr(got, ==, want);
	g_free(got);
	g_free(want);
	/* question 3 of the translation: "I" where the Dutch has no
	 * asker; question 4 has one (leerling) */
	got = lines_of(err, en);
	want = g_strdup_printf(
	    "%s:11:7: warning: question 3 speaks as 'i' but does not say "
	    "who asks; write it in the Dutch file as '- vraagt: leerling' "
	    "(the pupil asks the parent) or '- vraagt: ouder' (the parent "
	    "asks the pupil), with the question under 'tekst:'\n", en);
	g_assert_cmpstr(got, ==, want);
	g_free(got);
	g_free(want);
	g_free(err);
	g_free(en);
	g_free(nl);
	g_free(content);
}

/* ---- check: one pictogram beside too many steps ---- */

static guint
count_steps(const char *content)
{
	char *dir = g_build_filename(content, "opdrachten", NULL);
	GDir *g = g_dir_open(dir, 0, NULL);
	const char *name;
	guint n = 0;

	g_assert_nonnull(g);
	while ((name = g_dir_read_name(g)) != NULL) {
		char *f = g_build_filename(dir, name, NULL), *text = NULL;

		if (g_str_has_suffix(name, ".nl.md") &&
		    g_file_get_contents(f, &text, NULL, NULL))
			for (char *p = text; (p = strstr(p, "- pictogram:")) !=
			    NULL; p++)
				n++;
		g_free(text);
		g_free(f);
	}
	g_dir_close(g);
	g_free(dir);
	return n;
}

static void
test_pictogram_share(void)
{
	const char *ears = HEAD("Oren")
	    "  stappen:\n"
	    "    - pictogram: luisteren\n      tekst: U luistert.\n"
	    "    - pictogram: luisteren\n      tekst: U luistert weer.\n"
	    "    - pictogram: luisteren\n      tekst: U luistert nog eens.\n"
	    "    - pictogram: kalender\n      tekst: Kies een dag.\n"
	    TAIL;
	const char *files[] = { "opdrachten/oren.nl.md", ears, NULL };
	char *content = write_site("share", files);
	char *first = g_build_filename(content, "opdrachten",
	    "open-dag-samen.nl.md", NULL);
	guint total = count_steps(content);
	char *err = NULL, *got, *want;

	/* the test school's own steps: no pictogram on more than two */
	g_assert_cmpint(check("tests/site", &err), ==, 0);
	g_assert_null(strstr(err, "pictogram '"));
	g_free(err);
	g_assert_cmpint(check(content, &err), ==, 0);
	/* luisteren: once in open-dag-samen, three times here: 4 of the
	 * bank's steps, more than one in ten; kalender, twice, is not */
	g_assert_cmpuint(4 * KT_PICTO_SHARE, >, total);
	got = lines_of(err, first);
	want = g_strdup_printf("%s:27:18: warning: pictogram 'luisteren' is "
	    "beside 4 of the bank's %u steps, more than one in 10, so it no "
	    "longer tells them apart; give each step the pictogram that "
	    "shows what is done in it (themes/default/pictograms.yaml); also "
	    "at %s/opdrachten/oren.nl.md:13, %s/opdrachten/oren.nl.md:15, "
	    "%s/opdrachten/oren.nl.md:17\n", first, total, content, content,
	    content);
	g_assert_cmpstr(got, ==, want);
	g_assert_null(strstr(err, "pictogram 'kalender'"));
	g_free(got);
	g_free(want);
	g_free(err);
	g_free(first);
	g_free(content);
}

/* ---- the sheet and the page ---- */

/* s without spaces and line ends: pdftotext splits where glyphs are
 * kerned. The caller frees it with g_free. */
static char *
squeezed(const char *s)
{
	GString *out = g_string_new(NULL);

	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\n')
			g_string_append_c(out, *s);
	return g_string_free(out, FALSE);
}

/* The label stands before the question in the text of the sheet. */
static void
label_before(const char *text, const char *label, const char *question)
{
	char *flat = squeezed(text), *l = squeezed(label);
	char *q = squeezed(question);
	const char *at_l = strstr(flat, l), *at_q = strstr(flat, q);

	if (at_l == NULL || at_q == NULL || at_l > at_q)
		g_test_message("text: %s", text);
	g_assert_nonnull(at_l);
	g_assert_nonnull(at_q);
	g_assert_true(at_l < at_q);
	g_free(q);
	g_free(l);
	g_free(flat);
}

static void
test_sheet_label(void)
{
	char *nl = g_build_filename(built(), "nl/opdrachten/stem.pdf", NULL);
	char *ar = g_build_filename(built(), "ar/opdrachten/stem.pdf", NULL);
	char *text = t_pdf_text(nl, 0);

	label_before(text, "Vraag aan uw kind:", "Wat wil je later worden?");
	label_before(text, "Uw kind vraagt u:", "Wat kan ik goed, volgens");
	/* the question that does not say who asks has no label */
	g_assert_true(t_contains(text, "Wie kan je helpen?"));
	g_assert_null(strstr(text, "vraagt u: Wie"));
	g_free(text);
	text = t_pdf_text(ar, 0);
	g_assert_true(t_contains(text, "يسألكم طفلكم"));
	g_assert_true(t_contains(text, "اسألوا طفلكم"));
	g_assert_true(t_contains(text, "ماذا أجيد"));
	g_free(text);
	g_free(ar);
	g_free(nl);
}

/* The li of the questions on a page, as "asker|text" lines. */
static char *
page_questions(const char *html)
{
	htmlDocPtr doc = htmlReadFile(html, "UTF-8", HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	xmlXPathContextPtr x = xmlXPathNewContext(doc);
	xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST
	    "//ul[@class='questions']/li", x);
	GString *s = g_string_new(NULL);

	g_assert_nonnull(doc);
	for (int i = 0; r->nodesetval && i < r->nodesetval->nodeNr; i++) {
		xmlNodePtr li = r->nodesetval->nodeTab[i], c = li->children;
		xmlChar *all = xmlNodeGetContent(li);
		xmlChar *who = NULL, *cls = c != NULL &&
		    c->type == XML_ELEMENT_NODE ? xmlGetProp(c,
		    BAD_CAST "class") : NULL;

		if (cls != NULL && xmlStrcmp(cls, BAD_CAST "asker") == 0)
			who = xmlNodeGetContent(c);
		xmlFree(cls);
		g_string_append_printf(s, "%s|%s\n", who ? (char *)who : "",
		    (char *)all + (who ? strlen((char *)who) + 1 : 0));
		xmlFree(who);
		xmlFree(all);
	}
	xmlXPathFreeObject(r);
	xmlXPathFreeContext(x);
	xmlFreeDoc(doc);
	return g_string_free(s, FALSE);
}

static void
test_page_label(void)
{
	char *nl = g_build_filename(built(), "nl/opdrachten/stem.html", NULL);
	char *ar = g_build_filename(built(), "ar/opdrachten/stem.html", NULL);
	char *got = page_questions(nl);

	g_assert_cmpstr(got, ==,
	    "Vraag aan uw kind:|Wat wil je later worden?\n"
	    "Uw kind vraagt u:|Wat kan ik goed, volgens jou?\n"
	    "|Wie kan je helpen?\n");
	g_free(got);
	got = page_questions(ar);
	g_assert_cmpstr(got, ==,
	    "اسألوا طفلكم:|ماذا تريد أن تصبح لاحقًا؟\n"
	    "يسألكم طفلكم:|ماذا أجيد، في رأيكم؟\n"
	    "|من يستطيع مساعدتك؟\n");
	g_free(got);
	g_free(ar);
	g_free(nl);
}

/* ---- the shipped bank ---- */

static void
test_shipped_content(void)
{
	struct kt_diag *d = kt_diag_new();
	struct kt_paths p = { "content", "themes/default", OPENMOJI, 1 };
	struct kt_model *m = kt_load(&p, d);
	GPtrArray *items = m->items[KT_ASSIGNMENT];
	char *err = NULL;

	g_assert_cmpuint(items->len, >, 0);
	for (guint i = 0; i < items->len; i++) {
		const struct kt_item *it = g_ptr_array_index(items, i);

		g_assert_cmpuint(it->askers->len, ==,
		    it->source->questions->len);
		for (guint q = 0; q < it->askers->len; q++)
			if (kt_question_asker(it, q) < 0)
				g_error("%s: question %u says not who asks",
				    it->source->path, q + 1);
	}
	kt_model_free(m);
	kt_diag_free(d);
	g_assert_cmpint(check("content", &err), ==, 0);
	g_assert_null(strstr(err, "who asks"));
	g_assert_null(strstr(err, "which the sheet prints"));
	g_assert_null(strstr(err, "warning: pictogram '"));
	g_free(err);
}

/*
 * Beside no step of the shipped bank a bare question mark or a lone
 * bubble (speech, thought), which looked alike at sheet size: each
 * step's pictogram is drawn from an OpenMoji file that shows more.
 */
static void
test_shipped_pictures(void)
{
	static const char *const lone[] = {
		"2753.svg", "2754.svg", "2049.svg", "1F4AC.svg", "1F4AD.svg",
		"1F5E8.svg", "1F5E9.svg", "1F5EF.svg", NULL
	};
	struct kt_diag *d = kt_diag_new();
	struct kt_paths p = { "content", "themes/default", OPENMOJI, 1 };
	struct kt_model *m = kt_load(&p, d);
	GPtrArray *items = m->items[KT_ASSIGNMENT];
	guint steps = 0;

	for (guint i = 0; i < items->len; i++) {
		const struct kt_text *t = ((const struct kt_item *)
		    g_ptr_array_index(items, i))->source;

		for (guint s = 0; s < t->steps->len; s++) {
			const struct kt_step *st = g_ptr_array_index(t->steps,
			    s);
			const struct kt_picto *pic = g_hash_table_lookup(
			    m->pictograms, st->pictogram);
			char *base;

			g_assert_nonnull(pic);
			base = g_path_get_basename(pic->path);
			if (g_strv_contains(lone, base))
				g_error("%s:%d: pictogram '%s' is %s",
				    st->picto_pos.path, st->picto_pos.line,
				    st->pictogram, base);
			g_free(base);
			steps++;
		}
	}
	g_assert_cmpuint(steps, >, 0);
	kt_model_free(m);
	kt_diag_free(d);
}

int
main(int argc, char *argv[])
{
	int r;

	g_test_init(&argc, &argv, NULL);
	tmp = g_dir_make_tmp("kt-voice-XXXXXX", NULL);
	g_test_add_func("/voice/load-asker", test_load_asker);
	g_test_add_func("/voice/labels-everywhere", test_labels_everywhere);
	g_test_add_func("/voice/bad-asker", test_bad_asker);
	g_test_add_func("/voice/first-person", test_first_person);
	g_test_add_func("/voice/pictogram-share", test_pictogram_share);
	g_test_add_func("/voice/sheet-label", test_sheet_label);
	g_test_add_func("/voice/page-label", test_page_label);
	g_test_add_func("/voice/shipped-content", test_shipped_content);
	g_test_add_func("/voice/shipped-pictures", test_shipped_pictures);
	r = g_test_run();
	kt_remove_tree(tmp);
	g_free(tmp);
	return r;
}
