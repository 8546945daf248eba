/*
 * The bank: the pages teachers browse. Every page lists cards; the home
 * page of each language lists all items, and each kind's page its own,
 * beside the facets, in a panel that folds away on a phone. Without
 * JavaScript each facet value is a page of its own (like Hugo's term
 * pages) with its count, so every item is a plain link away. With
 * JavaScript, site.js turns the facets into checkboxes and filters the
 * cards in place by the facet values each card carries (data-f), and
 * by what search.js finds in the search index (search.c). An item that
 * has no value for a facet (an evening has no school type, a tip no
 * year) is not filtered by it, and the page says so: ticking "mbo" must
 * not silently hide every evening.
 * Also here: the year planner, the language chooser and the 404 page.
 */
#include "web/html_write.h"
#include "web/page.h"
#include "web/search.h"

#include <string.h>

#include "text/json.h"
#include "text/markdown.h"

/* ---- facets ---- */

enum facet {
	F_KIND, F_SCHOOL_TYPE, F_YEAR, F_COMPETENCE, F_PHASE, F_CHOICE,
	F_DURATION, F_LANGUAGE, F_COUNT
};

static const char *const facet_ids[F_COUNT] = {
	"soort", "onderwijstype", "leerjaar", "competenties", "fase", "keuze",
	"duur", "talen"
};

static const enum kt_vocab_id facet_vocab[F_COUNT] = {
	[F_SCHOOL_TYPE] = KT_V_SCHOOL_TYPE,
	[F_COMPETENCE] = KT_V_COMPETENCE, [F_PHASE] = KT_V_PHASE,
	[F_CHOICE] = KT_V_CHOICE
};

/* duration bands: up to 15, 16-30, 31-45, more than 45 minutes */
static const int band_max[] = { 15, 30, 45, 10000 };
static const char *const band_ids[] = { "0-15", "16-30", "31-45", "46-plus" };

static int
facet_size(const struct site *s, enum facet f)
{
	switch (f) {
	case F_KIND:
		return KT_KIND_COUNT;
	case F_YEAR:
		return 6;
	case F_DURATION:
		return 4;
	case F_LANGUAGE:
		return (int)s->m->site.languages->len;
	default:
		return kt_vocab_size(facet_vocab[f]);
	}
}

/* An ASCII id for a value: no accents, so it can be a file name. */
static char *
value_id(const struct site *s, enum facet f, int i)
{
	char *norm, *out;
	GString *a;

	switch (f) {
	case F_KIND:
		return g_strdup(kt_kind_dir((enum kt_kind)i));
	case F_YEAR:
		return g_strdup_printf("%d", i + 1);
	case F_DURATION:
		return g_strdup(band_ids[i]);
	case F_LANGUAGE:
		return g_strdup(((struct kt_language *)g_ptr_array_index(
		    s->m->site.languages, i))->code);
	default:
		break;
	}
	norm = g_utf8_normalize(kt_vocab_name(facet_vocab[f], i), -1,
	    G_NORMALIZE_NFD);
	a = g_string_new(NULL);
	for (const char *c = norm; *c; c++)
		if ((unsigned char)*c < 0x80)
			g_string_append_c(a, *c);
	g_free(norm);
	out = g_string_free(a, FALSE);
	return out;
}

static char *
value_label(const struct page *p, enum facet f, int i)
{
	char key[32];

	switch (f) {
	case F_KIND:
		g_snprintf(key, sizeof key, "kind.%s",
		    kt_kind_dir((enum kt_kind)i));
		return g_strdup(h_str(p, key));
	case F_YEAR:
		return g_strdup_printf("%d", i + 1);
	case F_DURATION:
		g_snprintf(key, sizeof key, "duur.band.%d", i + 1);
		return g_strdup(h_str(p, key));
	case F_LANGUAGE:
		return g_strdup(((struct kt_language *)g_ptr_array_index(
		    p->s->m->site.languages, i))->name);
	default:
		return g_strdup(h_vocab_label(p, facet_vocab[f], i));
	}
}

static gboolean
has(const struct site *s, const struct kt_item *it, enum facet f, int i)
{
	switch (f) {
	case F_KIND:
		return (int)it->kind == i;
	case F_SCHOOL_TYPE:
		return (it->school_types >> i) & 1;
	case F_YEAR:
		return (it->years >> (i + 1)) & 1;
	case F_COMPETENCE:
		return (it->competences >> i) & 1;
	case F_PHASE:
		return (it->phases >> i) & 1;
	case F_CHOICE:
		return (it->choices >> i) & 1;
	case F_DURATION:
		return it->minutes > 0 && it->minutes <= band_max[i] &&
		    (i == 0 || it->minutes > band_max[i - 1]);
	case F_LANGUAGE:
		return kt_item_text(it, ((struct kt_language *)
		    g_ptr_array_index(s->m->site.languages, i))->code) != NULL;
	default:
		return FALSE;
	}
}

/* The items with value i of f, of one kind (or all when kind < 0). */
static guint
count_with(const struct site *s, enum facet f, int i, int kind)
{
	guint n = 0;

	for (int k = 0; k < KT_KIND_COUNT; k++)
		for (guint j = 0; (kind < 0 || k == kind) &&
		    j < s->m->items[k]->len; j++)
			if (has(s, g_ptr_array_index(s->m->items[k], j), f, i))
				n++;
	return n;
}

/* The kinds (bits) none of whose items has a value of facet f. */
static guint32
kinds_without(const struct site *s, enum facet f)
{
	guint32 without = 0;

	for (int k = 0; k < KT_KIND_COUNT; k++) {
		gboolean any = FALSE;

		for (int i = 0; !any && i < facet_size(s, f); i++)
			any = count_with(s, f, i, k) > 0;
		if (!any)
			without |= 1u << k;
	}
	return without;
}

/* The page that lists the items with value i of facet f. */
static char *
term_path(const struct site *s, const char *lang, enum facet f, int i)
{
	char *id, *path;

	if (f == F_KIND)
		return g_strdup_printf("%s/%s/index.html", lang,
		    kt_kind_dir((enum kt_kind)i));
	id = value_id(s, f, i);
	path = g_strdup_printf("%s/%s/%s.html", lang, facet_ids[f], id);
	g_free(id);
	return path;
}

/*
 * An item whose years differ per school type, {vmbo: [4], mbo: [1]},
 * has pairs, "vmbo-basis:4", so that a filter on both a type and a year
 * finds it only where they go together; NULL when its years are the
 * same for every type. The caller frees it with g_ptr_array_free(a, TRUE).
 */
static GPtrArray *
type_year_pairs(const struct site *s, const struct kt_item *it)
{
	GPtrArray *a;

	if (kt_item_years_uniform(it))
		return NULL;
	a = g_ptr_array_new_with_free_func(g_free);
	for (int i = 0; i < KT_TYPES_MAX; i++)
		for (int y = 1; y <= 6; y++) {
			char *id;

			if (!(it->school_types & (1u << i)) ||
			    !(it->years_of[i] & (1u << y)))
				continue;
			id = value_id(s, F_SCHOOL_TYPE, i);
			g_ptr_array_add(a, g_strdup_printf("%s:%d", id, y));
			g_free(id);
		}
	return a;
}

/* ---- cards ---- */

/*
 * What site.js filters a card by: "leerjaar:1 competenties:netwerken"
 * in data-f, and its type and year pairs in data-ty.
 */
static void
card_facets(xmlNodePtr li, const struct site *s, const struct kt_item *it)
{
	GString *f = g_string_new(NULL);
	GPtrArray *ty = type_year_pairs(s, it);

	for (int i = 0; i < F_COUNT; i++)
		for (int v = 0; v < facet_size(s, (enum facet)i); v++)
			if (has(s, it, (enum facet)i, v)) {
				char *id = value_id(s, (enum facet)i, v);

				g_string_append_printf(f, "%s%s:%s",
				    f->len ? " " : "", facet_ids[i], id);
				g_free(id);
			}
	h_attr(li, "data-f", f->str);
	if (ty != NULL) {
		g_ptr_array_add(ty, NULL);
		char *joined = g_strjoinv(" ", (char **)ty->pdata);
		h_attr(li, "data-ty", joined);
		g_free(joined);
		g_ptr_array_free(ty, TRUE);
	}
	g_string_free(f, TRUE);
}

static void
card(xmlNodePtr ul, struct page *p, const struct kt_item *it)
{
	const struct kt_text *t = h_text_or_source(it, p->lang->code);
	xmlNodePtr li = h_el(ul, "li", "card");
	char *target = kt_page_path(p->lang->code, it->kind, it->slug);
	char *id = g_strdup_printf("%s/%s", kt_kind_dir(it->kind), it->slug);
	xmlNodePtr a, meta;
	char *s;

	h_attr(li, "data-id", id);
	card_facets(li, p->s, it);
	a = h_link(h_el(li, "h3", NULL), p, target, NULL, NULL);
	h_picto(a, p, it->pictogram, 40);
	h_mark_lang(h_el_text(a, "span", NULL, t->title ? t->title : it->slug),
	    p, t->lang);
	if (t->summary != NULL)
		h_mark_lang(h_el_text(li, "p", NULL, t->summary), p, t->lang);
	meta = h_el(li, "p", "meta");
	if (it->kind == KT_TIP) {
		if (it->group >= 0)
			h_text(meta, h_vocab_label(p, KT_V_GROUP, it->group));
	} else {
		s = h_years(p, it);
		h_text(meta, h_str(p, "facet.leerjaar"));
		h_text(meta, " ");
		h_text(meta, s);
		g_free(s);
		s = h_fmt_int(p, "duur.minuten", it->minutes);
		h_text(meta, " · ");
		h_text(meta, s);
		g_free(s);
	}
	if (strcmp(t->lang, p->lang->code) != 0) {
		h_text(meta, " · ");
		h_text(meta, h_str(p, "card.dutch"));
	} else if (t->status == KT_DRAFT) {
		h_text(meta, " · ");
		h_text(meta, h_str(p, "draft.label"));
	}
	g_free(id);
	g_free(target);
}

/*
 * The cards of a language's listings, serialized once: an item is on the
 * page of its kind and on a page for each of its facet values, and
 * building its card a dozen times was most of the work of those pages.
 * The links in a card depend on how deep the page is: only pages as deep
 * as the first one that used the cache use it.
 */
struct cards {
	char *up;		/* the pages' way up to out/ */
	GHashTable *html;	/* item -> its card */
};

static void
add_card(xmlNodePtr ul, struct page *p, const struct kt_item *it,
    struct cards *c, GString *raw)
{
	char *html;

	if (c != NULL && c->up == NULL)
		c->up = g_strdup(p->up);
	if (c == NULL || strcmp(c->up, p->up) != 0) {
		card(ul, p, it);
		return;
	}
	html = g_hash_table_lookup(c->html, it);
	if (html == NULL) {
		GString *one = g_string_new(NULL);
		xmlNodePtr li;

		card(ul, p, it);
		li = ul->last;
		kt_html_serialize_node(li, one);
		xmlUnlinkNode(li);
		xmlFreeNode(li);
		html = g_string_free(one, FALSE);
		g_hash_table_insert(c->html, (gpointer)it, html);
	}
	g_string_append(raw, html);
}

/* A listing: a section of cards under a heading, its kind in data-kind
 * (site.js says there which filters do not apply to it). */
static xmlNodePtr
listing(xmlNodePtr parent, enum kt_kind k, const char *heading,
    gboolean with_id)
{
	xmlNodePtr sec = h_el(parent, "section", "listing");

	h_attr(sec, "data-kind", kt_kind_dir(k));
	if (with_id)
		h_attr(sec, "id", kt_kind_dir(k));
	h_el_text(sec, "h2", NULL, heading);
	return h_el(sec, "ul", "cards");
}

/* The cards of a list, serialized before, into ul. */
static void
raw_cards(xmlNodePtr ul, GString *raw)
{
	if (raw->len > 0)
		xmlAddChild(ul, xmlNewDocPI(ul->doc, BAD_CAST KT_HTML_RAW,
		    BAD_CAST raw->str));
	g_string_truncate(raw, 0);
}

/*
 * The items of kind k that pass the facet (all when f < 0) under its
 * heading; their cards from c when it is given. A term page gives the
 * section the kind's id, where the kind pages' facets link to.
 */
static void
card_list(xmlNodePtr parent, struct page *p, enum kt_kind k, enum facet f,
    int value, struct cards *c)
{
	GPtrArray *items = p->s->m->items[k];
	char key[32];
	xmlNodePtr ul = NULL;
	GString *raw = g_string_new(NULL);

	for (guint i = 0; i < items->len; i++) {
		const struct kt_item *it = g_ptr_array_index(items, i);

		if ((int)f >= 0 && !has(p->s, it, f, value))
			continue;
		if (ul == NULL) {
			g_snprintf(key, sizeof key, "kind.%s", kt_kind_dir(k));
			ul = listing(parent, k, h_str(p, key), (int)f >= 0);
		}
		add_card(ul, p, it, c, raw);
	}
	if (ul != NULL)
		raw_cards(ul, raw);
	g_string_free(raw, TRUE);
}

/* The tips by group: contact, cooperation, future, talks. */
static void
tip_groups(xmlNodePtr parent, struct page *p, struct cards *c)
{
	GPtrArray *items = p->s->m->items[KT_TIP];
	GString *raw = g_string_new(NULL);

	for (int g = 0; g < kt_vocab_size(KT_V_GROUP); g++) {
		xmlNodePtr ul = NULL;

		for (guint i = 0; i < items->len; i++) {
			const struct kt_item *it = g_ptr_array_index(items, i);

			if (it->group != g)
				continue;
			if (ul == NULL)
				ul = listing(parent, KT_TIP, h_vocab_label(p,
				    KT_V_GROUP, g), FALSE);
			add_card(ul, p, it, c, raw);
		}
		if (ul != NULL)
			raw_cards(ul, raw);
	}
	g_string_free(raw, TRUE);
}

/* ---- the facets beside the list ---- */

/* "Thema-avonden, Tips": the kinds of a mask, for a facet's note. */
static char *
kind_names(const struct page *p, guint32 kinds)
{
	GString *s = g_string_new(NULL);

	for (int k = 0; k < KT_KIND_COUNT; k++)
		if (kinds & (1u << k)) {
			char key[32];

			g_snprintf(key, sizeof key, "kind.%s",
			    kt_kind_dir((enum kt_kind)k));
			/* Arabic script has its own comma */
			g_string_append_printf(s, "%s%s", s->len == 0 ? "" :
			    p->lang->rtl ? "، " : ", ", h_str(p, key));
		}
	return g_string_free(s, FALSE);
}

/* One value of a facet: a link to its page, with its label and count. */
static void
facet_value(xmlNodePtr ul, struct page *p, enum facet f, int i, int kind,
    guint n)
{
	char *target = term_path(p->s, p->lang->code, f, i);
	char *id = value_id(p->s, f, i), num[16];
	xmlNodePtr a, label;

	/* from a kind's page, to that kind on the term's page */
	if (kind >= 0 && f != F_KIND) {
		char *t = g_strdup_printf("%s#%s", target,
		    kt_kind_dir((enum kt_kind)kind));
		g_free(target);
		target = t;
	}
	a = h_link(h_el(ul, "li", NULL), p, target, NULL, NULL);
	h_attr(a, "data-value", id);
	label = h_el(a, "span", "label");
	if (f == F_COMPETENCE) {
		h_competence(label, p, i);
	} else {
		char *text = value_label(p, f, i);

		h_text(label, text);
		g_free(text);
	}
	if (f == F_LANGUAGE) {
		const struct kt_language *l = g_ptr_array_index(
		    p->s->m->site.languages, i);
		h_attr(a, "lang", l->code);
		h_attr(a, "dir", l->rtl ? "rtl" : "ltr");
	}
	g_snprintf(num, sizeof num, "%u", n);
	h_el_text(a, "span", "count", num);
	g_free(id);
	g_free(target);
}

/*
 * A facet with the values that items of the page have. On a kind's page
 * a facet that kind never has is left out; on the home page a facet some
 * kinds never have says which, and that their items stay in the list.
 */
static void
facet(xmlNodePtr parent, struct page *p, enum facet f, int kind)
{
	guint32 without = kinds_without(p->s, f);
	xmlNodePtr sec = NULL, ul = NULL;
	char key[32];

	if (kind >= 0 && (f == F_KIND || (without & (1u << kind))))
		return;
	for (int i = 0; i < facet_size(p->s, f); i++) {
		guint n = count_with(p->s, f, i, kind);

		if (n == 0)
			continue;
		if (sec == NULL) {
			sec = h_el(parent, "section", "facet");
			h_attr(sec, "data-facet", facet_ids[f]);
			g_snprintf(key, sizeof key, "facet.%s", facet_ids[f]);
			h_el_text(sec, "h3", NULL, h_str(p, key));
			if (kind < 0 && without != 0) {
				char *names = kind_names(p, without);
				char *note = h_fmt(p, "facet.notfor", "kinds",
				    names);
				GString *dirs = g_string_new(NULL);

				h_el_text(sec, "p", "facet-note", note);
				for (int k = 0; k < KT_KIND_COUNT; k++)
					if (without & (1u << k))
						g_string_append_printf(dirs,
						    "%s%s", dirs->len ? " " :
						    "", kt_kind_dir(
						    (enum kt_kind)k));
				h_attr(sec, "data-without", dirs->str);
				g_string_free(dirs, TRUE);
				g_free(note);
				g_free(names);
			}
			ul = h_el(sec, "ul", NULL);
		}
		facet_value(ul, p, f, i, kind, n);
	}
}

/*
 * The facets in a panel: a <details> that a phone keeps folded under
 * one button, so the first results are on the first screen; style.css
 * keeps it open where there is room beside the list.
 */
static void
facets(xmlNodePtr parent, struct page *p, int kind)
{
	xmlNodePtr aside = h_el(parent, "aside", "filters");
	xmlNodePtr details, summary, body;

	h_attr(aside, "aria-labelledby", "filters-title");
	details = h_el(aside, "details", "filters-panel");
	summary = h_el(details, "summary", NULL);
	h_el_text(summary, "span", "filters-show", h_str(p, "filters.show"));
	body = h_el(details, "div", "filters-body");
	h_attr(h_el_text(body, "h2", NULL, h_str(p, "filters.title")), "id",
	    "filters-title");
	for (int f = 0; f < F_COUNT; f++)
		facet(body, p, (enum facet)f, kind);
}

/*
 * The search box and the script with the words of every item. The box
 * works with JavaScript only: hidden until then.
 */
static void
search_box(xmlNodePtr parent, struct page *p)
{
	xmlNodePtr form = h_el(parent, "form", "search"), label, input, b;
	xmlNodePtr script;
	char *target = g_strdup_printf("%s/index.js", p->lang->code);
	char *h = h_href(p, target);

	h_attr(form, "role", "search");
	h_attr(form, "hidden", "hidden");
	label = h_el_text(form, "label", NULL, h_str(p, "search.label"));
	h_attr(label, "for", "q");
	input = h_el(form, "input", NULL);
	h_attr(input, "type", "search");
	h_attr(input, "id", "q");
	h_attr(input, "name", "q");
	h_attr(input, "autocomplete", "off");
	/* results follow the typing; the button is there for those who
	 * expect one (and WCAG H32) */
	b = h_el_text(form, "button", NULL, h_str(p, "search.label"));
	h_attr(b, "type", "submit");
	script = h_el(p->main, "script", NULL);
	h_attr(script, "src", h);
	h_attr(script, "defer", "defer");
	h_search_script(p->main, p);
	g_free(h);
	g_free(target);
}

/* "77 resultaten", for site.js to keep up to date. */
static void
result_count(xmlNodePtr parent, const struct page *p, guint n)
{
	char *text = h_fmt_count(p, "results.count", (int)n);
	xmlNodePtr status = h_el_text(parent, "p", "result-count", text);

	h_attr(status, "role", "status");
	h_attr(status, "aria-live", "polite");
	h_plural_attrs(status, p, "results.count");
	h_attr(status, "data-none", h_str(p, "results.none"));
	h_attr(status, "data-clear", h_str(p, "filters.clear"));
	h_attr(status, "data-remove", h_str(p, "chip.remove"));
	h_attr(status, "data-notfor", h_str(p, "results.notfor"));
	h_attr(status, "data-chosen", h_str(p, "filters.chosen"));
	g_free(text);
}

/*
 * The bank of a page: the facets, then the search box, the count, the
 * chips of the chosen filters (site.js) and the cards of every kind, or
 * of one.
 */
static void
bank(struct page *p, int kind, struct cards *c)
{
	xmlNodePtr div = h_el(p->main, "div", "bank"), results;
	guint total = 0;

	for (int k = 0; k < KT_KIND_COUNT; k++)
		if (kind < 0 || k == kind)
			total += p->s->m->items[k]->len;
	facets(div, p, kind);
	results = h_el(div, "div", "results");
	h_attr(results, "id", "results");
	search_box(results, p);
	result_count(results, p, total);
	if (kind == KT_TIP)
		tip_groups(results, p, c);
	for (int k = 0; k < KT_KIND_COUNT; k++)
		if (k != KT_TIP || kind != KT_TIP)
			if (kind < 0 || k == kind)
				card_list(results, p, (enum kt_kind)k,
				    (enum facet)-1, 0, c);
}

/* ---- the pages ---- */

static void
home(struct site *s, const struct kt_language *lang)
{
	char *path = g_strdup_printf("%s/index.html", lang->code);
	struct page *p = h_page_begin(s, lang, path);

	h_el_text(p->main, "h1", NULL, h_str(p, "home.heading"));
	h_el_text(p->main, "p", "lead", h_str(p, "home.intro"));
	bank(p, -1, NULL);
	h_page_end(p, h_str(p, "site.title"));
	g_free(path);
}

static void
term_page(struct site *s, const struct kt_language *lang, enum facet f,
    int i, struct cards *c)
{
	char *path = term_path(s, lang->code, f, i);
	struct page *p = h_page_begin(s, lang, path);
	char key[32], *label, *title, *chip;
	char *home_target = g_strdup_printf("%s/index.html", lang->code);
	xmlNodePtr chips, a;

	g_snprintf(key, sizeof key, "facet.%s", facet_ids[f]);
	if (f == F_COMPETENCE)
		label = h_competence_text(s->m, lang->code, i);
	else
		label = value_label(p, f, i);
	title = g_strdup_printf("%s: %s", h_str(p, key), label);
	h_el_text(p->main, "h1", NULL, title);
	p->description = h_fmt(p, "desc.term", "term", title);
	result_count(p->main, p, count_with(s, f, i, -1));
	/* the filter of this page as a chip: remove it for all items */
	chips = h_el(p->main, "p", "chips");
	chip = h_fmt(p, "chip.remove", "label", title);
	a = h_link(chips, p, home_target, NULL, "chip");
	h_attr(a, "aria-label", chip);
	h_text(a, title);
	h_attr(h_el_text(a, "span", "chip-x", "×"), "aria-hidden", "true");
	h_link(chips, p, home_target, h_str(p, "filters.all"), NULL);
	for (int k = 0; k < KT_KIND_COUNT; k++)
		card_list(p->main, p, (enum kt_kind)k, f, i, c);
	h_page_end(p, title);
	g_free(chip);
	g_free(home_target);
	g_free(title);
	g_free(label);
	g_free(path);
}

static void
kind_index(struct site *s, const struct kt_language *lang, enum kt_kind k,
    struct cards *c)
{
	char *path = g_strdup_printf("%s/%s/index.html", lang->code,
	    kt_kind_dir(k));
	struct page *p = h_page_begin(s, lang, path);
	xmlNodePtr ul;
	char key[32];

	g_snprintf(key, sizeof key, "desc.%s", kt_kind_dir(k));
	p->description = g_strdup(h_str(p, key));
	g_snprintf(key, sizeof key, "kind.%s", kt_kind_dir(k));
	h_el_text(p->main, "h1", NULL, h_str(p, key));
	bank(p, (int)k, c);
	/* the sheets of a school year in one PDF, or a few parts */
	if (k == KT_ASSIGNMENT) {
		GPtrArray *parts = kt_plan_bundles(s->plan, lang->code);

		ul = h_downloads_section(p->main, p);
		for (guint i = 0; parts != NULL && i < parts->len; i++) {
			const struct kt_plan_job *b = g_ptr_array_index(parts,
			    i);

			h_pdf_link(ul, p, g_ptr_array_index(b->files, 0),
			    b->title, NULL);
		}
		h_downloads_end(ul);
	}
	if (k == KT_TIP) {
		char *target = kt_tipcards_path(lang->code);

		ul = h_downloads_section(p->main, p);
		h_pdf_link(ul, p, target, h_str(p, "tipcards.title"), NULL);
		h_downloads_end(ul);
		g_free(target);
	}
	h_page_end(p, h_str(p, key));
	g_free(path);
}

/* After an item in a year's list, the school types it is for in that
 * year, when its years differ per type: " (mbo)". */
static void
year_types(xmlNodePtr li, const struct page *p, const struct kt_item *it,
    int year)
{
	GString *s;

	if (kt_item_years_uniform(it))
		return;
	s = g_string_new(" (");
	for (int i = 0; i < KT_TYPES_MAX; i++) {
		guint32 in = 0;		/* the types with this year */
		const char *name;

		for (int j = 0; j < KT_TYPES_MAX; j++)
			if ((it->years_of[j] >> year) & 1)
				in |= 1u << j;
		if (!(it->school_types & in & (1u << i)))
			continue;
		name = h_school_type(p, it->school_types & in, i);
		g_string_append_printf(s, "%s%s", s->len > 2 ? ", " : "",
		    name);
		if (strcmp(name, "vmbo") == 0)
			i = 3;
	}
	g_string_append_c(s, ')');
	h_text(li, s->str);
	g_string_free(s, TRUE);
}

/* Per school year: which assignments and evenings, by phase. */
static void
planner(struct site *s, const struct kt_language *lang)
{
	char *path = g_strdup_printf("%s/jaarplanner.html", lang->code);
	struct page *p = h_page_begin(s, lang, path);

	p->description = g_strdup(h_str(p, "desc.planner"));
	h_el_text(p->main, "h1", NULL, h_str(p, "planner.title"));
	h_el_text(p->main, "p", "lead", h_str(p, "planner.intro"));
	for (int year = 1; year <= 6; year++) {
		xmlNodePtr sec = h_el(p->main, "section", "year");
		xmlNodePtr dl;
		char *h = g_strdup_printf("%s %d", h_str(p, "facet.leerjaar"),
		    year);

		h_el_text(sec, "h2", NULL, h);
		g_free(h);
		dl = h_el(sec, "dl", "planner");
		for (int f = 0; f <= kt_vocab_size(KT_V_PHASE); f++) {
			/* the phases, then the evenings */
			enum kt_kind k = f < kt_vocab_size(KT_V_PHASE) ?
			    KT_ASSIGNMENT : KT_EVENING;
			GPtrArray *items = s->m->items[k];
			xmlNodePtr div = NULL, ul = NULL;

			for (guint i = 0; i < items->len; i++) {
				const struct kt_item *it = g_ptr_array_index(
				    items, i);
				const struct kt_text *t;
				char *target;
				xmlNodePtr a, li;

				if (!(it->years & (1u << year)) ||
				    (k == KT_ASSIGNMENT && !(it->phases & (1u << f))))
					continue;
				if (div == NULL) {
					div = h_el(dl, "div", NULL);
					h_el_text(div, "dt", NULL, k ==
					    KT_ASSIGNMENT ? h_vocab_label(p,
					    KT_V_PHASE, f) :
					    h_str(p, "kind.avonden"));
					ul = h_el(h_el(div, "dd", NULL), "ul",
					    NULL);
				}
				t = h_text_or_source(it, lang->code);
				target = kt_page_path(lang->code, k, it->slug);
				li = h_el(ul, "li", NULL);
				a = h_link(li, p, target, t->title ? t->title :
				    it->slug, NULL);
				h_mark_lang(a, p, t->lang);
				year_types(li, p, it, year);
				g_free(target);
			}
		}
	}
	h_page_end(p, h_str(p, "planner.title"));
	g_free(path);
}

/* ---- the search index ---- */

/*
 * An item whose years differ per school type, {vmbo: [4], mbo: [1]},
 * lists its pairs, "vmbo-basis:4", so that a filter on both a type and a
 * year finds it only where they go together.
 */
static void
type_years(GString *j, const struct site *s, const struct kt_item *it)
{
	GPtrArray *pairs = type_year_pairs(s, it);

	if (pairs == NULL)
		return;
	g_string_append(j, ",\"ty\":[");
	for (guint i = 0; i < pairs->len; i++) {
		g_string_append(j, i ? "," : "");
		kt_json_str(j, g_ptr_array_index(pairs, i));
	}
	g_string_append_c(j, ']');
	g_ptr_array_free(pairs, TRUE);
}

/* The values of each facet, by which the items' bits are read. */
static void
facet_values(GString *j, struct site *s)
{
	g_string_append_c(j, '{');
	for (int f = 0; f < F_COUNT; f++) {
		g_string_append_printf(j, "%s\"%s\":[", f ? "," : "",
		    facet_ids[f]);
		for (int v = 0; v < facet_size(s, (enum facet)f); v++) {
			char *vid = value_id(s, (enum facet)f, v);

			if (v > 0)
				g_string_append_c(j, ',');
			kt_json_str(j, vid);
			g_free(vid);
		}
		g_string_append_c(j, ']');
	}
	g_string_append_c(j, '}');
}

/*
 * The facets of every item, for site.js: window.ktIndex, a list of
 * {id, f: {facet: [values]}, ty}. Written small, each facet's values as
 * the bits of a number ("m"), and unfolded by the few lines in front:
 * at a thousand items the page loads this before anything is searched.
 */
static void
index_file(struct site *s, const struct kt_language *lang)
{
	GString *j = g_string_new("window.ktIndex = (function (values, items) {\n"
	    "\treturn items.map(function (it) {\n"
	    "\t\tit.f = {};\n"
	    "\t\tObject.keys(values).forEach(function (name, i) {\n"
	    "\t\t\tit.f[name] = values[name].filter(function (v, bit) {\n"
	    "\t\t\t\treturn (it.m[i] >>> bit) & 1;\n"
	    "\t\t\t});\n"
	    "\t\t});\n"
	    "\t\treturn it;\n"
	    "\t});\n"
	    "}(");
	char *rel = g_strdup_printf("%s/index.js", lang->code);
	GError *err = NULL;
	gboolean first = TRUE;

	facet_values(j, s);
	g_string_append(j, ", [");
	for (int k = 0; k < KT_KIND_COUNT; k++)
		for (guint i = 0; i < s->m->items[k]->len; i++) {
			const struct kt_item *it = g_ptr_array_index(
			    s->m->items[k], i);
			char *id = g_strdup_printf("%s/%s", kt_kind_dir(k),
			    it->slug);

			g_string_append(j, first ? "\n{\"id\":" : ",\n{\"id\":");
			first = FALSE;
			kt_json_str(j, id);
			g_string_append(j, ",\"m\":[");
			for (int f = 0; f < F_COUNT; f++) {
				guint32 bits = 0;

				for (int v = 0; v < facet_size(s,
				    (enum facet)f); v++)
					if (has(s, it, (enum facet)f, v))
						bits |= 1u << v;
				g_string_append_printf(j, "%s%u", f ? "," : "",
				    bits);
			}
			g_string_append_c(j, ']');
			type_years(j, s, it);
			g_string_append_c(j, '}');
			g_free(id);
		}
	g_string_append(j, "\n]));\n");
	if (!kt_writer_put(s->w, rel, j->str, j->len, &err)) {
		kt_error(s->d, rel, 0, 0, "cannot write: %s", err->message);
		g_error_free(err);
		g_atomic_int_set(&s->ok, FALSE);
	}
	g_string_free(j, TRUE);
	g_free(rel);
}

/* ---- the pages outside a language ---- */

void
h_root(struct site *s)
{
	const struct kt_site *site = &s->m->site;
	struct page *p = h_page_begin(s, g_ptr_array_index(site->languages, 0),
	    "index.html");
	xmlNodePtr ul;

	h_el_text(p->main, "h1", NULL, site->school ? site->school : "");
	ul = h_el(p->main, "ul", "language-choice");
	for (guint i = 0; i < site->languages->len; i++) {
		const struct kt_language *l = g_ptr_array_index(
		    site->languages, i);
		char *target = g_strdup_printf("%s/index.html", l->code);
		xmlNodePtr a = h_link(h_el(ul, "li", NULL), p, target, NULL,
		    NULL);

		h_attr(a, "hreflang", l->code);
		h_attr(a, "lang", l->code);
		h_attr(a, "dir", l->rtl ? "rtl" : "ltr");
		h_el_text(a, "span", "language-name", l->name);
		h_el_text(a, "span", "language-title",
		    kt_str(s->m, l->code, "site.title"));
		g_free(target);
	}
	h_page_end(p, kt_str(s->m, "nl", "lang.choose"));
}

void
h_404(struct site *s)
{
	const struct kt_language *nl = g_ptr_array_index(
	    s->m->site.languages, 0);
	struct page *p = h_page_begin(s, nl, "404.html");

	h_el_text(p->main, "h1", NULL, h_str(p, "notfound.title"));
	h_link(h_el(p->main, "p", NULL), p, "index.html",
	    h_str(p, "notfound.text"), NULL);
	h_page_end(p, h_str(p, "notfound.title"));
}

void
h_bank(struct site *s, const struct kt_language *lang)
{
	struct cards c = { NULL, g_hash_table_new_full(g_direct_hash,
	    g_direct_equal, NULL, g_free) };

	home(s, lang);
	index_file(s, lang);
	h_search_index(s, lang);
	planner(s, lang);
	for (int k = 0; k < KT_KIND_COUNT; k++)
		kind_index(s, lang, (enum kt_kind)k, &c);
	for (int f = F_SCHOOL_TYPE; f < F_COUNT; f++)
		for (int i = 0; i < facet_size(s, (enum facet)f); i++)
			if (count_with(s, (enum facet)f, i, -1) > 0)
				term_page(s, lang, (enum facet)f, i, &c);
	g_hash_table_destroy(c.html);
	g_free(c.up);
}
