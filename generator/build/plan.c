/*
 * Makes the plan: every job of the build, in the order they are best
 * started (the long ones first), with the files each writes. Nothing is
 * drawn or written here; the web and print renderers do that, one job
 * at a time, and link only to what is listed.
 *
 * Home sheets are drawn in chunks of about CHUNK per language (a chunk
 * starts at an item whose slug hashes to 0 modulo CHUNK, and at the
 * latest after twice as many), so a changed item draws only its chunk
 * again; the bundles of a school year take their pages from the chunks.
 * A bundle of more than PART_ONE sheets (a national bank, not a
 * school's) comes in parts: a part starts at an item whose slug hashes
 * to 0 modulo PART, once the part before has PART_MIN sheets, and at the
 * latest after PART_MAX. A part is what a mentor can print in one go.
 */
#include "build/plan.h"

#include <string.h>

/*
 * Each PDF cairo writes costs the same again whatever it holds (its font
 * subsets, each pictogram's drawing once, the structure tree), but an
 * edited assignment draws its chunks again in every language: chunks of
 * 16 and 8 were 2% less CPU for a whole build of the bench corpus of
 * 1,000 and 60% more for a build after one edit.
 */
#define CHUNK 8
#define BI_CHUNK 4		/* an edited Dutch text draws these again */
#define PART_ONE 120
#define PART 64
#define PART_MIN 16
#define PART_MAX 160
#define YEARS 6

/* ---- paths ---- */

char *
kt_page_path(const char *lang, enum kt_kind k, const char *slug)
{
	return g_strconcat(lang, "/", kt_kind_dir(k), "/", slug, ".html", NULL);
}

char *
kt_sheet_path(const char *lang, const char *slug)
{
	return g_strconcat(lang, "/opdrachten/", slug, ".pdf", NULL);
}

char *
kt_bilingual_path(const char *lang, const char *slug)
{
	return g_strconcat(lang, "/opdrachten/", slug, ".", lang, "-nl.pdf",
	    NULL);
}

char *
kt_evening_path(const char *lang, const char *slug, const char *what)
{
	return g_strdup_printf("%s/avonden/%s-%s.pdf", lang, slug, what);
}

char *
kt_talk_path(const char *lang, const char *slug, const char *what,
    gboolean bilingual)
{
	if (bilingual)
		return g_strdup_printf("%s/gesprekken/%s-%s.%s-nl.pdf", lang,
		    slug, what, lang);
	return g_strdup_printf("%s/gesprekken/%s-%s.pdf", lang, slug, what);
}

char *
kt_compliments_path(const char *lang)
{
	return g_strdup_printf("%s/avonden/complimentenkaarten.pdf", lang);
}

char *
kt_tipcards_path(const char *lang)
{
	return g_strdup_printf("%s/tips/tipkaarten.pdf", lang);
}

char *
kt_checklist_path(const char *slug)
{
	return g_strdup_printf("nl/opdrachten/%s-klassenlijst.pdf", slug);
}

char *
kt_class_list_path(const char *slug)
{
	return g_strdup_printf("%s-klassenlijst.pdf", slug);
}

static char *
bundle_path(const char *lang, int year, guint part, guint nparts)
{
	if (nparts <= 1)
		return g_strdup_printf("%s/opdrachten/leerjaar-%d.pdf", lang,
		    year);
	return g_strdup_printf("%s/opdrachten/leerjaar-%d-deel-%u.pdf", lang,
	    year, part + 1);
}

static char *
fill(const char *template, const char *name, const char *value)
{
	char **parts = g_strsplit(template, name, -1);
	char *s = g_strjoinv(value, parts);

	g_strfreev(parts);
	return s;
}

/* "Leerjaar 2", or "Leerjaar 2, deel 1 van 3". */
static char *
bundle_title(const struct kt_model *m, const char *lang, int year,
    guint part, guint nparts)
{
	char a[16], b[16], *title, *s, *t;

	g_snprintf(a, sizeof a, "%d", year);
	title = fill(kt_str(m, lang, "bundle.title"), "{n}", a);
	if (nparts <= 1)
		return title;
	g_snprintf(a, sizeof a, "%u", part + 1);
	g_snprintf(b, sizeof b, "%u", nparts);
	s = fill(kt_str(m, lang, "bundle.part"), "{title}", title);
	t = fill(s, "{i}", a);
	g_free(s);
	s = fill(t, "{n}", b);
	g_free(t);
	g_free(title);
	return s;
}

/* ---- jobs ---- */

static void
job_free(gpointer data)
{
	struct kt_plan_job *j = data;

	g_free(j->id);
	g_free(j->title);
	if (j->items != NULL)
		g_ptr_array_unref(j->items);
	if (j->set != NULL)
		g_ptr_array_unref(j->set);
	g_ptr_array_unref(j->files);
	g_ptr_array_unref(j->needs);
	g_ptr_array_unref(j->then);
	if (j->at != NULL)
		g_array_unref(j->at);
	g_free(j);
}

/* A new job; sub names it further (a slug, a part), or NULL. */
static struct kt_plan_job *
add(struct kt_plan *pl, enum kt_job_kind kind, const char *what,
    const struct kt_language *lang, const struct kt_item *it,
    const char *sub, enum kt_reads reads)
{
	struct kt_plan_job *j = g_new0(struct kt_plan_job, 1);

	j->kind = kind;
	j->index = pl->jobs->len;
	j->lang = lang;
	j->it = it;
	j->t = it != NULL && lang != NULL ? kt_item_text(it, lang->code) :
	    NULL;
	j->reads = reads;
	/* g_strconcat: a plan holds a few jobs an item, thousands in all */
	j->id = g_strconcat(what, ":", lang ? lang->code : "", ":",
	    sub != NULL ? sub : it != NULL ? it->slug : "", NULL);
	j->files = g_ptr_array_new_with_free_func(g_free);
	j->needs = g_ptr_array_new();
	j->then = g_ptr_array_new();
	g_ptr_array_add(pl->jobs, j);
	return j;
}

/* The job writes path (taken over). */
static void
writes(struct kt_plan *pl, struct kt_plan_job *j, char *path)
{
	g_ptr_array_add(j->files, path);
	if (!j->private)
		g_hash_table_insert(pl->files, path, j);
}

static void
need(struct kt_plan_job *j, struct kt_plan_job *first)
{
	g_ptr_array_add(j->needs, first);
	g_ptr_array_add(first->then, j);
}

/* ---- the website ---- */

/* Shared files first, then each language's listings (the longest jobs),
 * then an item in every language before the next item, so that threads
 * write into different folders: creating a file locks its folder. */
static void
plan_web(struct kt_plan *pl)
{
	const struct kt_model *m = pl->m;
	GPtrArray *langs = m->site.languages;

	add(pl, KT_JOB_SHARED, "shared", NULL, NULL, NULL, KT_READS_GLOBAL);
	for (guint i = 0; i < langs->len; i++)
		add(pl, KT_JOB_BANK, "bank", g_ptr_array_index(langs, i),
		    NULL, NULL, KT_READS_ALL);
	for (int k = 0; k < KT_KIND_COUNT; k++)
		for (guint j = 0; j < m->items[k]->len; j++) {
			const struct kt_item *it = g_ptr_array_index(
			    m->items[k], j);
			char *sub = g_strconcat(kt_kind_dir((enum kt_kind)k),
			    "/", it->slug, NULL);

			for (guint i = 0; i < langs->len; i++) {
				const struct kt_language *l =
				    g_ptr_array_index(langs, i);
				struct kt_plan_job *pj = add(pl, KT_JOB_PAGE,
				    "page", l, it, sub, KT_READS_ITEM);

				writes(pl, pj, kt_page_path(l->code,
				    (enum kt_kind)k, it->slug));
			}
			g_free(sub);
		}
}

/* ---- sheets, chunks and bundles ---- */

/* Every assignment with a text in lang (a translation, for bilingual
 * sheets), in chunks of about size. */
static GPtrArray *
lang_chunks(const struct kt_model *m, const char *lang, gboolean bilingual,
    guint size)
{
	GPtrArray *all = m->items[KT_ASSIGNMENT];
	GPtrArray *chunks = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)g_ptr_array_unref);
	GPtrArray *chunk = NULL;

	for (guint i = 0; i < all->len; i++) {
		const struct kt_item *it = g_ptr_array_index(all, i);
		const struct kt_text *t = kt_item_text(it, lang);

		if (t == NULL || (bilingual && t == it->source))
			continue;
		if (chunk == NULL || g_str_hash(it->slug) % size == 0 ||
		    chunk->len >= 2 * size) {
			chunk = g_ptr_array_new();
			g_ptr_array_add(chunks, chunk);
		}
		g_ptr_array_add(chunk, (gpointer)it);
	}
	return chunks;
}

/* The order a mentor uses a year's sheets in: by the first fase an
 * assignment belongs to (oriënteren first), then by its title in lang. */
static gint
by_phase_then_title(gconstpointer a, gconstpointer b, gpointer lang)
{
	const struct kt_item *x = *(const struct kt_item *const *)a;
	const struct kt_item *y = *(const struct kt_item *const *)b;
	/* an item without a fase goes last */
	int px = x->phases ? g_bit_nth_lsf(x->phases, -1) : 32;
	int py = y->phases ? g_bit_nth_lsf(y->phases, -1) : 32;
	const struct kt_text *tx = kt_item_text(x, lang);
	const struct kt_text *ty = kt_item_text(y, lang);
	int c;

	if (px != py)
		return px < py ? -1 : 1;
	c = g_utf8_collate(tx->title ? tx->title : x->slug,
	    ty->title ? ty->title : y->slug);
	return c != 0 ? c : strcmp(x->slug, y->slug);
}

GPtrArray *
kt_plan_year_parts(const struct kt_model *m, const char *lang, int year)
{
	GPtrArray *all = m->items[KT_ASSIGNMENT], *items = g_ptr_array_new();
	GPtrArray *parts = g_ptr_array_new_with_free_func(
	    (GDestroyNotify)g_ptr_array_unref);
	GPtrArray *part = NULL;

	for (guint i = 0; i < all->len; i++) {
		const struct kt_item *it = g_ptr_array_index(all, i);

		if ((it->years & (1u << year)) &&
		    kt_item_text(it, lang) != NULL)
			g_ptr_array_add(items, (gpointer)it);
	}
	g_ptr_array_sort_with_data(items, by_phase_then_title, (gpointer)lang);
	for (guint i = 0; i < items->len; i++) {
		const struct kt_item *it = g_ptr_array_index(items, i);
		gboolean many = items->len > PART_ONE;

		if (part == NULL || (many && (part->len >= PART_MAX ||
		    (g_str_hash(it->slug) % PART == 0 &&
		    part->len >= PART_MIN)))) {
			part = g_ptr_array_new();
			g_ptr_array_add(parts, part);
		}
		g_ptr_array_add(part, (gpointer)it);
	}
	g_ptr_array_free(items, TRUE);
	return parts;
}

/* The chunks of sheets beside the Dutch: cut into their files, the
 * chunk itself not kept (no bundle reads it). */
static void
plan_bilingual(struct kt_plan *pl, const struct kt_language *l)
{
	GPtrArray *chunks = lang_chunks(pl->m, l->code, TRUE, BI_CHUNK);

	for (guint i = 0; i < chunks->len; i++) {
		GPtrArray *items = g_ptr_array_index(chunks, i);
		const struct kt_item *first = g_ptr_array_index(items, 0);
		struct kt_plan_job *j = add(pl, KT_JOB_BILINGUAL, "bilingual",
		    l, NULL, first->slug, KT_READS_SET);

		j->items = g_ptr_array_ref(items);
		j->set = g_ptr_array_ref(items);
		for (guint s = 0; s < items->len; s++)
			writes(pl, j, kt_bilingual_path(l->code, ((const
			    struct kt_item *)g_ptr_array_index(items,
			    s))->slug));
	}
	g_ptr_array_free(chunks, TRUE);
}

/* A part of a year's bundle: it reads every item of the chunks it takes
 * sheets from, since their font subsets hold the glyphs of all. */
static struct kt_plan_job *
plan_bundle(struct kt_plan *pl, const struct kt_language *l, int year,
    GPtrArray *part, guint i, guint nparts, GHashTable *chunk_of)
{
	char *sub = g_strdup_printf("%d:%u/%u", year, i + 1, nparts);
	struct kt_plan_job *b = add(pl, KT_JOB_BUNDLE, "bundle", l, NULL,
	    sub, KT_READS_SET);

	b->year = year;
	b->title = bundle_title(pl->m, l->code, year, i, nparts);
	b->items = g_ptr_array_ref(part);
	b->set = g_ptr_array_new();
	b->at = g_array_new(FALSE, FALSE, sizeof(struct kt_sheet_at));
	for (guint s = 0; s < part->len; s++) {
		gpointer it = g_ptr_array_index(part, s);
		struct kt_plan_job *c = g_hash_table_lookup(chunk_of, it);
		struct kt_sheet_at at = { 0, 0 };

		if (!g_ptr_array_find(b->needs, c, &at.chunk)) {
			at.chunk = b->needs->len;
			need(b, c);
			g_ptr_array_extend(b->set, c->items, NULL, NULL);
		}
		while (g_ptr_array_index(c->items, at.place) != it)
			at.place++;
		g_array_append_val(b->at, at);
	}
	writes(pl, b, bundle_path(l->code, year, i, nparts));
	g_free(sub);
	return b;
}

/* A language's home sheets in chunks, each sheet cut to its own file,
 * and the bundles of its school years joined from them. */
static void
plan_sheets(struct kt_plan *pl, const struct kt_language *l)
{
	GPtrArray *chunks = lang_chunks(pl->m, l->code, FALSE, CHUNK);
	GHashTable *chunk_of = g_hash_table_new(NULL, NULL);
	GPtrArray *bundles = g_ptr_array_new();

	for (guint i = 0; i < chunks->len; i++) {
		GPtrArray *items = g_ptr_array_index(chunks, i);
		const struct kt_item *first = g_ptr_array_index(items, 0);
		struct kt_plan_job *j = add(pl, KT_JOB_CHUNK, "chunk", l, NULL,
		    first->slug, KT_READS_SET);

		j->items = g_ptr_array_ref(items);
		j->set = g_ptr_array_ref(items);
		/* the chunk itself first: the bundles read it */
		g_ptr_array_add(j->files, g_strdup_printf(
		    ".keukentafel/bundels/%s/%s.pdf", l->code, first->slug));
		for (guint s = 0; s < items->len; s++) {
			const struct kt_item *it = g_ptr_array_index(items, s);

			writes(pl, j, kt_sheet_path(l->code, it->slug));
			g_hash_table_insert(chunk_of, (gpointer)it, j);
		}
	}
	for (int year = 1; year <= YEARS; year++) {
		GPtrArray *parts = kt_plan_year_parts(pl->m, l->code, year);

		for (guint i = 0; i < parts->len; i++)
			g_ptr_array_add(bundles, plan_bundle(pl, l, year,
			    g_ptr_array_index(parts, i), i, parts->len,
			    chunk_of));
		g_ptr_array_free(parts, TRUE);
	}
	g_hash_table_insert(pl->bundles, l->code, bundles);
	g_hash_table_destroy(chunk_of);
	g_ptr_array_free(chunks, TRUE);
}

/* ---- evening and mentor printables ---- */

gboolean
kt_evening_has_debate(const struct kt_item *it)
{
	int debate = kt_vocab_find(KT_V_WORK_FORM, "debat");

	for (guint i = 0; it->blocks != NULL && i < it->blocks->len; i++)
		if (((const struct kt_block *)g_ptr_array_index(it->blocks,
		    i))->form == debate)
			return TRUE;
	return FALSE;
}

static void
plan_evening(struct kt_plan *pl, const struct kt_language *l,
    gboolean source)
{
	GPtrArray *items = pl->m->items[KT_EVENING];

	for (guint i = 0; i < items->len; i++) {
		const struct kt_item *it = g_ptr_array_index(items, i);
		const struct kt_text *t = kt_item_text(it, l->code);
		struct kt_plan_job *j;

		if (t == NULL)
			continue;
		if (t->invitation != NULL) {
			j = add(pl, KT_JOB_INVITATION, "invitation", l, it,
			    NULL, KT_READS_ITEM);
			writes(pl, j, kt_evening_path(l->code, it->slug,
			    "uitnodiging"));
		}
		if (t->statements->len > 0) {
			j = add(pl, KT_JOB_STATEMENTS, "statements", l, it,
			    NULL, KT_READS_ITEM);
			writes(pl, j, kt_evening_path(l->code, it->slug,
			    "stellingen"));
		}
		if (source) {
			j = add(pl, KT_JOB_RUNSHEET, "runsheet", l, it, NULL,
			    KT_READS_ITEM);
			writes(pl, j, kt_evening_path(l->code, it->slug,
			    "draaiboek"));
		}
		/* the boards carry every language the evening is in */
		if (source && kt_evening_has_debate(it)) {
			j = add(pl, KT_JOB_BOARDS, "boards", l, it, NULL,
			    KT_READS_ITEM);
			writes(pl, j, kt_evening_path(l->code, it->slug,
			    "borden"));
		}
	}
	/* compliment cards in every language with UI strings */
	if (g_hash_table_contains(pl->m->strings, l->code))
		writes(pl, add(pl, KT_JOB_COMPLIMENTS, "compliments", l, NULL,
		    NULL, KT_READS_GLOBAL), kt_compliments_path(l->code));
}

static gboolean
has_text_in(GPtrArray *items, const char *lang)
{
	for (guint i = 0; i < items->len; i++)
		if (kt_item_text(g_ptr_array_index(items, i), lang) != NULL)
			return TRUE;
	return FALSE;
}

static void
plan_mentor(struct kt_plan *pl)
{
	const struct kt_model *m = pl->m;
	GPtrArray *langs = m->site.languages;
	const struct kt_language *nl = g_ptr_array_index(langs, 0);

	for (guint i = 0; i < langs->len; i++) {
		const struct kt_language *l = g_ptr_array_index(langs, i);
		struct kt_plan_job *j;

		if (!has_text_in(m->items[KT_TIP], l->code))
			continue;
		j = add(pl, KT_JOB_TIPCARDS, "tipcards", l, NULL, NULL,
		    KT_READS_SET);
		j->items = g_ptr_array_ref(m->items[KT_TIP]);
		j->set = g_ptr_array_ref(m->items[KT_TIP]);
		writes(pl, j, kt_tipcards_path(l->code));
	}
	for (guint i = 0; i < m->items[KT_ASSIGNMENT]->len; i++) {
		const struct kt_item *it = g_ptr_array_index(
		    m->items[KT_ASSIGNMENT], i);
		struct kt_plan_job *j = add(pl, KT_JOB_CHECKLIST, "checklist",
		    nl, it, NULL, KT_READS_ITEM);

		writes(pl, j, kt_checklist_path(it->slug));
		if (pl->o->pupils == NULL)
			continue;
		j = add(pl, KT_JOB_CLASS_LIST, "class-list", nl, it, NULL,
		    KT_READS_ITEM);
		j->private = TRUE;
		writes(pl, j, kt_class_list_path(it->slug));
	}
}

/* A talk's family sheet in each of its languages, beside the Dutch in
 * each translation, and the mentor's guide in Dutch. */
static void
plan_talks(struct kt_plan *pl, const struct kt_language *l,
    gboolean source)
{
	GPtrArray *items = pl->m->items[KT_TALK];

	for (guint i = 0; i < items->len; i++) {
		const struct kt_item *it = g_ptr_array_index(items, i);
		const struct kt_text *t = kt_item_text(it, l->code);
		struct kt_plan_job *j;

		if (t == NULL)
			continue;
		j = add(pl, KT_JOB_TALK_FAMILY, "talk", l, it, NULL,
		    KT_READS_ITEM);
		writes(pl, j, kt_talk_path(l->code, it->slug, "voorbereiding",
		    FALSE));
		if (!source) {
			j = add(pl, KT_JOB_TALK_BILINGUAL, "talk-bilingual", l,
			    it, NULL, KT_READS_ITEM);
			writes(pl, j, kt_talk_path(l->code, it->slug,
			    "voorbereiding", TRUE));
		} else {
			j = add(pl, KT_JOB_TALK_GUIDE, "talk-guide", l, it,
			    NULL, KT_READS_ITEM);
			writes(pl, j, kt_talk_path(l->code, it->slug,
			    "gespreksleidraad", FALSE));
		}
	}
}

static void
plan_print(struct kt_plan *pl)
{
	GPtrArray *langs = pl->m->site.languages;

	for (guint i = 0; i < langs->len; i++)
		plan_bilingual(pl, g_ptr_array_index(langs, i));
	for (guint i = 0; i < langs->len; i++)
		plan_sheets(pl, g_ptr_array_index(langs, i));
	for (guint i = 0; i < langs->len; i++)
		plan_evening(pl, g_ptr_array_index(langs, i), i == 0);
	for (guint i = 0; i < langs->len; i++)
		plan_talks(pl, g_ptr_array_index(langs, i), i == 0);
	plan_mentor(pl);
}

struct kt_plan *
kt_plan_new(const struct kt_model *m, const struct kt_render_opts *o)
{
	struct kt_plan *pl = g_new0(struct kt_plan, 1);

	pl->m = m;
	pl->o = o;
	pl->jobs = g_ptr_array_new_with_free_func(job_free);
	pl->files = g_hash_table_new(g_str_hash, g_str_equal);
	pl->bundles = g_hash_table_new_full(g_str_hash, g_str_equal, NULL,
	    (GDestroyNotify)g_ptr_array_unref);
	plan_web(pl);
	if (!o->no_pdf)
		plan_print(pl);
	return pl;
}

void
kt_plan_free(struct kt_plan *pl)
{
	if (pl == NULL)
		return;
	g_hash_table_destroy(pl->files);
	g_hash_table_destroy(pl->bundles);
	g_ptr_array_free(pl->jobs, TRUE);
	g_free(pl);
}

const struct kt_plan_job *
kt_plan_file(const struct kt_plan *pl, const char *rel)
{
	return g_hash_table_lookup(pl->files, rel);
}

GPtrArray *
kt_plan_bundles(const struct kt_plan *pl, const char *lang)
{
	return g_hash_table_lookup(pl->bundles, lang);
}
