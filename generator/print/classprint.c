/*
 * What print writes for one class: for an assignment, the checklist with
 * the pupils' names and one PDF with a sheet for each pupil in class
 * order; for a talk guide, one PDF with the mentor's schedule and each
 * family's invitation to its talk. Each in the family's language beside
 * Dutch (or Dutch alone), the pupil's name on top of each page, a
 * bookmark a pupil. Each file is drawn by sheet.c or talk.c as for the
 * site, into a scratch folder, and its pages are joined from there.
 */
#include "print/print.h"

#include <string.h>

#include "print/pdffile.h"
#include "print/printables.h"

#define CLASS_KEYWORDS "LOB, klas"
#define TALK_INVITE_KEYWORDS "LOB, gesprek, klas"
#define SCHEDULE_MARK "Rooster"	/* the schedule's bookmark */

/* UTF-8 as a PDF string in UTF-16BE, for kt_pdf_join_mark(). */
static char *
pdf_string(const char *s)
{
	glong n = 0;
	gunichar2 *u = g_utf8_to_utf16(s, -1, NULL, &n, NULL);
	GString *o = g_string_new("<FEFF");

	for (glong i = 0; i < n && u != NULL; i++)
		g_string_append_printf(o, "%04X", u[i]);
	g_string_append_c(o, '>');
	g_free(u);
	return g_string_free(o, FALSE);
}

/* A job of the plan's kind for one file of a printable: it in lang. */
static void
one_job(struct kt_plan_job *j, enum kt_job_kind kind,
    const struct kt_item *it, const struct kt_language *lang,
    const char *file)
{
	memset(j, 0, sizeof *j);
	j->kind = kind;
	j->lang = lang;
	j->it = it;
	j->t = kt_item_text(it, lang->code);
	j->items = g_ptr_array_new();
	g_ptr_array_add(j->items, (gpointer)it);
	j->files = g_ptr_array_new_with_free_func(g_free);
	g_ptr_array_add(j->files, g_strdup(file));
}

static void
one_job_done(struct kt_plan_job *j)
{
	g_ptr_array_free(j->items, TRUE);
	g_ptr_array_free(j->files, TRUE);
}

/*
 * Files drawn one at a time into a scratch folder, their pages joined
 * into one file. keep holds each file's bytes and its source, which must
 * outlive the join.
 */
struct joined {
	struct kt_pdf_join *join;
	GPtrArray *keep;	/* bytes, source, bytes, source, ... */
	char *tmp;		/* the scratch folder's parent */
	struct kt_writer *sw;	/* the scratch folder's writer */
	guint at;		/* pages joined so far */
};

static gboolean
joined_open(struct joined *jn)
{
	char *scratch;

	memset(jn, 0, sizeof *jn);
	jn->keep = g_ptr_array_new();
	jn->join = kt_pdf_join_new(TRUE);
	jn->tmp = g_dir_make_tmp("keukentafel-print-XXXXXX", NULL);
	if (jn->tmp == NULL)
		return FALSE;
	scratch = g_build_filename(jn->tmp, "sheets", NULL);
	jn->sw = kt_writer_open(scratch, 1, NULL);
	g_free(scratch);
	return jn->sw != NULL;
}

/*
 * Adds the pages of rel, just drawn into the scratch writer, with a
 * bookmark mark (UTF-8) at its first. FALSE after reporting a failure.
 */
static gboolean
joined_add(struct kt_pdfkit *k, struct joined *jn, const char *rel,
    const char *mark)
{
	char *path = kt_writer_file(jn->sw, rel), *data = NULL, *pm;
	gsize len = 0;
	struct kt_pdf_src *src = NULL;
	GError *err = NULL;

	if (g_file_get_contents(path, &data, &len, &err))
		src = kt_pdf_src_new(rel, data, len, &err);
	g_free(path);
	if (src == NULL) {
		g_free(data);
		kt_pdf_fail(k, rel, "cannot read the sheet back: ", err);
		return FALSE;
	}
	g_ptr_array_add(jn->keep, data);
	g_ptr_array_add(jn->keep, src);
	pm = pdf_string(mark);
	kt_pdf_join_mark(jn->join, pm, jn->at);
	g_free(pm);
	for (guint p = 0; p < kt_pdf_src_pages(src) && err == NULL; p++)
		if (kt_pdf_join_page(jn->join, src, p, &err))
			jn->at++;
	if (err != NULL)
		kt_pdf_fail(k, rel, "cannot join the pages: ", err);
	return err == NULL;
}

/* The joined file as rel in w, saying of itself title, subject and
 * keywords; FALSE after reporting a failure. */
static gboolean
joined_write(struct kt_pdfkit *k, struct joined *jn, struct kt_writer *w,
    const char *rel, const struct kt_pdf_info *said)
{
	struct kt_pdf_info info = *said;
	GError *err = NULL;
	GBytes *file;
	char *md5 = NULL;
	gboolean ok = TRUE;

	info.from = g_ptr_array_index(jn->keep, 1);
	file = kt_pdf_join_finish(jn->join, &info, &md5, &err);
	jn->join = NULL;
	if (file == NULL || !kt_writer_put_summed(w, rel,
	    g_bytes_get_data(file, NULL), g_bytes_get_size(file), md5,
	    &err)) {
		kt_pdf_fail(k, rel, "", err);
		ok = FALSE;
	}
	g_free(md5);
	if (file != NULL)
		g_bytes_unref(file);
	return ok;
}

static void
joined_free(struct joined *jn)
{
	if (jn->join != NULL)
		kt_pdf_join_free(jn->join);
	for (guint i = 0; i + 1 < jn->keep->len; i += 2) {
		kt_pdf_src_free(g_ptr_array_index(jn->keep, i + 1));
		g_free(g_ptr_array_index(jn->keep, i));
	}
	g_ptr_array_free(jn->keep, TRUE);
	if (jn->sw != NULL)
		kt_writer_abort(jn->sw);
	if (jn->tmp != NULL)
		kt_remove_tree(jn->tmp);
	g_free(jn->tmp);
}

/* Draws pupil's sheet with k into the scratch writer, and joins it. */
static gboolean
add_sheet(struct kt_pdfkit *k, struct joined *jn, const struct kt_item *it,
    const struct kt_language *lang, const char *pupil)
{
	const struct kt_language *nl = g_ptr_array_index(k->m->site.languages,
	    0);
	gboolean dutch = lang == nl, ok;
	struct kt_render_opts o = *k->o;
	const struct kt_render_opts *was = k->o;
	struct kt_plan_job j;
	char *rel = dutch ? kt_sheet_path(nl->code, it->slug) :
	    kt_bilingual_path(lang->code, it->slug);

	o.pupil = pupil;
	k->o = &o;
	k->w = jn->sw;
	one_job(&j, dutch ? KT_JOB_CHUNK : KT_JOB_BILINGUAL, it, lang,
	    "chunk.pdf");
	kt_sheets_chunk(k, &j);
	k->o = was;
	one_job_done(&j);
	ok = joined_add(k, jn, rel, pupil);
	g_free(rel);
	return ok;
}

/* The sheets of every pupil in one file, rel in w. */
static gboolean
class_sheets(struct kt_pdfkit *k, const struct kt_item *it,
    const GPtrArray *langs, struct kt_writer *w, const char *rel)
{
	GPtrArray *names = k->o->pupils;
	struct joined jn;
	gboolean ok = joined_open(&jn);

	for (guint i = 0; i < names->len && ok; i++)
		ok = add_sheet(k, &jn, it, g_ptr_array_index(langs, i),
		    g_ptr_array_index(names, i));
	k->w = w;
	if (ok) {
		char *title = g_strdup_printf("%s, %s %s", it->source->title ?
		    it->source->title : it->slug, kt_str(k->m, "nl",
		    "checklist.class"), k->o->class_name ? k->o->class_name :
		    "");
		struct kt_pdf_info info = { NULL, "nl", title,
		    it->source->summary, CLASS_KEYWORDS };

		ok = joined_write(k, &jn, w, rel, &info);
		g_free(title);
	}
	joined_free(&jn);
	return ok;
}

gboolean
kt_print_class(const struct kt_model *m, const struct kt_render_opts *o,
    const struct kt_item *it, const GPtrArray *langs, struct kt_writer *w,
    struct kt_diag *d)
{
	gint ok = TRUE;
	struct kt_pdfkit *k = kt_pdfkit_new(m, o, d, &ok);
	struct kt_plan_job list;
	char *sheets = g_strdup_printf("%s-werkbladen.pdf", it->slug);
	char *file = g_strdup_printf("%s-klassenlijst.pdf", it->slug);

	k->w = w;
	one_job(&list, KT_JOB_CLASS_LIST, it, g_ptr_array_index(
	    m->site.languages, 0), file);
	list.private = TRUE;
	kt_checklist(k, &list);
	if (g_atomic_int_get(&ok))
		(void)class_sheets(k, it, langs, w, sheets);
	one_job_done(&list);
	g_free(file);
	g_free(sheets);
	kt_pdfkit_free(k);
	return g_atomic_int_get(&ok);
}

/* Draws the invitation of one slot into the scratch writer, joins it. */
static gboolean
add_invitation(struct kt_pdfkit *k, struct joined *jn,
    const struct kt_item *talk, const struct kt_talk_slot *slot, guint i)
{
	const struct kt_language *nl = g_ptr_array_index(k->m->site.languages,
	    0);
	struct kt_render_opts o = *k->o;
	const struct kt_render_opts *was = k->o;
	struct kt_plan_job j;
	char *rel = g_strdup_printf("uitnodiging-%u.pdf", i + 1);
	gboolean ok;

	o.pupil = slot->pupil;
	o.start = slot->time;
	k->o = &o;
	k->w = jn->sw;
	one_job(&j, slot->sheet == nl ? KT_JOB_TALK_FAMILY :
	    KT_JOB_TALK_BILINGUAL, talk, slot->sheet, rel);
	kt_talk_family(k, &j);
	k->o = was;
	one_job_done(&j);
	ok = joined_add(k, jn, rel, slot->pupil);
	g_free(rel);
	return ok;
}

gboolean
kt_print_talks(const struct kt_model *m, const struct kt_render_opts *o,
    const struct kt_item *talk, const GArray *slots, struct kt_writer *w,
    struct kt_diag *d)
{
	gint ok = TRUE;
	struct kt_pdfkit *k = kt_pdfkit_new(m, o, d, &ok);
	struct kt_plan_job j;
	struct joined jn;
	char *rel = g_strdup_printf("%s-uitnodigingen.pdf", talk->slug);

	if (!joined_open(&jn))
		g_atomic_int_set(&ok, FALSE);
	k->w = jn.sw;
	one_job(&j, KT_JOB_TALK_GUIDE, talk, g_ptr_array_index(
	    m->site.languages, 0), "rooster.pdf");
	j.private = TRUE;
	if (g_atomic_int_get(&ok))
		kt_talk_schedule(k, &j, slots);
	if (g_atomic_int_get(&ok))
		(void)joined_add(k, &jn, "rooster.pdf", SCHEDULE_MARK);
	for (guint i = 0; i < slots->len && g_atomic_int_get(&ok); i++)
		(void)add_invitation(k, &jn, talk, &g_array_index(slots,
		    struct kt_talk_slot, i), i);
	if (g_atomic_int_get(&ok)) {
		char *title = g_strdup_printf("%s, %s %s", talk->source->title ?
		    talk->source->title : talk->slug, kt_str(m, "nl",
		    "checklist.class"), o->class_name ? o->class_name : "");
		struct kt_pdf_info info = { NULL, "nl", title,
		    talk->source->summary, TALK_INVITE_KEYWORDS };

		(void)joined_write(k, &jn, w, rel, &info);
		g_free(title);
	}
	one_job_done(&j);
	joined_free(&jn);
	g_free(rel);
	kt_pdfkit_free(k);
	return g_atomic_int_get(&ok);
}
