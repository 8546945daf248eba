/*
 * Walks cmark's tree with its iterator (enter and exit events) and builds
 * the target as it goes: one switch per target, no recursion. Where an
 * item link points is asked of the renderer (struct kt_md_links); this
 * file knows no output paths.
 */
#include "text/markdown.h"

#include <string.h>

#include "text/url.h"

/* ---- links, for both targets ---- */

/* A URL with a scheme (http:, mailto:, ...), not one inside the site. */
static gboolean
has_scheme(const char *url)
{
	const char *colon = strchr(url, ':');
	const char *slash = strpbrk(url, "/?#");

	return colon != NULL && (slash == NULL || colon < slash);
}

/*
 * Where a link goes: an item's page as the renderer resolves it, or the
 * URL itself when its scheme is allowed (and, for paper, when it has one:
 * a path inside the site means nothing there). NULL: no link.
 */
static char *
link_target(cmark_node *n, const struct kt_md_links *links,
    gboolean need_scheme, const char **lang)
{
	const char *url = cmark_node_get_url(n), *slug;
	enum kt_kind k;

	*lang = NULL;
	if (url == NULL)
		return NULL;
	if (kt_item_link(url, &k, &slug))
		return links != NULL && links->item != NULL ?
		    links->item(links->data, k, slug, lang) : NULL;
	if (!kt_url_allowed(url) || (need_scheme && !has_scheme(url)))
		return NULL;
	return g_strdup(url);
}

char *
kt_md_short_url(const char *url)
{
	static const char *const schemes[] = {
		"https://", "http://", "mailto:", "tel:"
	};
	const char *s = url;
	size_t len;

	for (size_t i = 0; i < G_N_ELEMENTS(schemes); i++)
		if (g_ascii_strncasecmp(s, schemes[i], strlen(schemes[i])) ==
		    0) {
			s += strlen(schemes[i]);
			break;
		}
	len = strlen(s);
	/* "school.nl/" is "school.nl"; "school.nl/ouders/" keeps its / */
	if (len > 1 && s[len - 1] == '/' && memchr(s, '/', len - 1) == NULL)
		len--;
	return g_strndup(s, len);
}

/* ---- libxml2 nodes ---- */

struct xml_out {
	xmlNodePtr cur;
	int shift;		/* added to a heading's level */
	const struct kt_md_links *links;
};

static xmlNodePtr
add_el(xmlNodePtr parent, const char *name)
{
	xmlNodePtr n = xmlNewDocNode(parent->doc, NULL, BAD_CAST name, NULL);

	return xmlAddChild(parent, n);
}

static void
add_text(xmlNodePtr parent, const char *s)
{
	xmlAddChild(parent, xmlNewDocText(parent->doc, BAD_CAST s));
}

static gboolean
in_tight_list(cmark_node *para)
{
	cmark_node *item = cmark_node_parent(para);
	cmark_node *list = item ? cmark_node_parent(item) : NULL;

	return list != NULL && cmark_node_get_type(list) == CMARK_NODE_LIST &&
	    cmark_node_get_list_tight(list);
}

/* The highest (smallest) heading level in doc, or 1 when none. */
static int
top_heading(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int top = 7;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);

		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(n) == CMARK_NODE_HEADING)
			top = MIN(top, cmark_node_get_heading_level(n));
	}
	cmark_iter_free(it);
	return top == 7 ? 1 : top;
}

/* An <a> where the link resolves, else a <span> around its text. */
static xmlNodePtr
open_link(const struct xml_out *o, cmark_node *n)
{
	const char *lang, *title = cmark_node_get_title(n);
	char *href = link_target(n, o->links, FALSE, &lang);
	xmlNodePtr e = add_el(o->cur, href != NULL ? "a" : "span");

	char *encoded;

	if (href == NULL)
		return e;
	/* encoding twice changes nothing: an item's href is encoded already */
	encoded = kt_url_encode(href);
	xmlSetProp(e, BAD_CAST "href", BAD_CAST encoded);
	g_free(encoded);
	if (lang != NULL)	/* the text is in the page's language */
		xmlSetProp(e, BAD_CAST "hreflang", BAD_CAST lang);
	if (title != NULL && *title != '\0')
		xmlSetProp(e, BAD_CAST "title", BAD_CAST title);
	g_free(href);
	return e;
}

static xmlNodePtr
open_list(const struct xml_out *o, cmark_node *n)
{
	char s[16];
	xmlNodePtr e;

	if (cmark_node_get_list_type(n) != CMARK_ORDERED_LIST)
		return add_el(o->cur, "ul");
	e = add_el(o->cur, "ol");
	if (cmark_node_get_list_start(n) != 1) {
		g_snprintf(s, sizeof s, "%d", cmark_node_get_list_start(n));
		xmlSetProp(e, BAD_CAST "start", BAD_CAST s);
	}
	return e;
}

/*
 * The element a container node opens, or NULL for a leaf (added here at
 * once) and for a node that adds no element.
 */
static xmlNodePtr
open_node(struct xml_out *o, cmark_node *n, cmark_node *unwrapped)
{
	char h[3];

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
		if (n == unwrapped || in_tight_list(n))
			return NULL;
		return add_el(o->cur, "p");
	case CMARK_NODE_BLOCK_QUOTE:
		return add_el(o->cur, "blockquote");
	case CMARK_NODE_LIST:
		return open_list(o, n);
	case CMARK_NODE_ITEM:
		return add_el(o->cur, "li");
	case CMARK_NODE_HEADING:
		g_snprintf(h, sizeof h, "h%d", CLAMP(
		    cmark_node_get_heading_level(n) + o->shift, 1, 6));
		return add_el(o->cur, h);
	case CMARK_NODE_EMPH:
		return add_el(o->cur, "em");
	case CMARK_NODE_STRONG:
		return add_el(o->cur, "strong");
	case CMARK_NODE_LINK:
		return open_link(o, n);
	case CMARK_NODE_IMAGE:
		return add_el(o->cur, "span");	/* images: their alt text */
	case CMARK_NODE_TEXT:
	case CMARK_NODE_HTML_INLINE:
		add_text(o->cur, cmark_node_get_literal(n));
		return NULL;
	case CMARK_NODE_HTML_BLOCK:
		add_text(add_el(o->cur, "p"), cmark_node_get_literal(n));
		return NULL;
	case CMARK_NODE_CODE:
		add_text(add_el(o->cur, "code"), cmark_node_get_literal(n));
		return NULL;
	case CMARK_NODE_CODE_BLOCK:
		add_text(add_el(add_el(o->cur, "pre"), "code"),
		    cmark_node_get_literal(n));
		return NULL;
	case CMARK_NODE_SOFTBREAK:
		add_text(o->cur, "\n");
		return NULL;
	case CMARK_NODE_LINEBREAK:
		add_el(o->cur, "br");
		return NULL;
	case CMARK_NODE_THEMATIC_BREAK:
		add_el(o->cur, "hr");
		return NULL;
	default:
		return NULL;
	}
}

void
kt_md_to_xml(const struct kt_md *m, xmlNodePtr parent, int under,
    gboolean inline_only, const struct kt_md_links *links)
{
	struct xml_out o = { parent, 0, links };
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node *first, *unwrapped = NULL;

	if (m == NULL || m->doc == NULL)
		return;
	first = cmark_node_first_child(m->doc);
	if (inline_only && first != NULL && cmark_node_next(first) == NULL &&
	    cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH)
		unwrapped = first;
	o.shift = under + 1 - top_heading(m->doc);
	it = cmark_iter_new(m->doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		xmlNodePtr e;

		/* an element stays open until its node's exit; leaves
		 * (text, code, breaks) have no exit and open none */
		if (ev == CMARK_EVENT_ENTER) {
			if ((e = open_node(&o, n, unwrapped)) != NULL) {
				e->_private = n;
				o.cur = e;
			}
		} else if (o.cur != parent && o.cur->_private == n) {
			o.cur->_private = NULL;
			o.cur = o.cur->parent;
		}
	}
	cmark_iter_free(it);
}

/* ---- Pango markup ---- */

struct pango_out {
	GString *s;
	GArray *lists;		/* per open list: its next number, or -1 */
	gsize marker;		/* where the last item's bullet ends */
	char *address;		/* of the link being written, or NULL */
	char *url;
	const struct kt_md_links *links;
	GHashTable *addresses;
};

static void
escaped(GString *s, const char *text)
{
	char *e = g_markup_escape_text(text, -1);

	g_string_append(s, e);
	g_free(e);
}

/* A block starts on a line of its own, but not apart from its bullet. */
static void
new_line(struct pango_out *o)
{
	GString *s = o->s;

	if (s->len > 0 && s->str[s->len - 1] != '\n' && s->len != o->marker)
		g_string_append_c(s, '\n');
}

/* indents beyond this many levels would leave no room on a card */
#define MAX_INDENT 3

/* "• " or "3. ", indented by two em spaces per list it is nested in. */
static void
item_marker(struct pango_out *o, cmark_node *item)
{
	cmark_node *list = cmark_node_parent(item);
	int *next = &g_array_index(o->lists, int, o->lists->len - 1);

	new_line(o);
	for (guint i = 1; i < MIN(o->lists->len, MAX_INDENT + 1); i++)
		g_string_append(o->s, "\u2003\u2003");
	if (*next < 0)
		g_string_append(o->s, "• ");
	else
		g_string_append_printf(o->s, "%d%c ", (*next)++,
		    cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM ?
		    ')' : '.');
	o->marker = o->s->len;
}

static void
show_address(struct pango_out *o, const char *address, const char *url)
{
	g_string_append(o->s, KT_MD_PANGO_ADDRESS);
	escaped(o->s, address);
	g_string_append(o->s, "</span>");
	if (o->addresses != NULL && !g_hash_table_contains(o->addresses,
	    address))
		g_hash_table_insert(o->addresses, g_strdup(address),
		    g_strdup(url));
}

/*
 * A link is its text, then its address in brackets; a link whose text is
 * its address (<https://school.nl>) is the address once. Returns TRUE
 * when the link's text was written here and its children are to be
 * skipped.
 */
static gboolean
link_enter(struct pango_out *o, cmark_node *n)
{
	const char *lang;
	char *url = link_target(n, o->links, TRUE, &lang);
	char *address, *text;
	struct kt_md tmp = { .doc = n };
	gboolean same;

	if (url == NULL)
		return FALSE;
	address = kt_md_short_url(url);
	text = kt_md_plain(&tmp);
	same = strcmp(text, address) == 0 || strcmp(text, url) == 0;
	g_free(text);
	if (same) {
		show_address(o, address, url);
		g_free(address);
		g_free(url);
		return TRUE;
	}
	o->address = address;
	o->url = url;
	return FALSE;
}

static void
link_exit(struct pango_out *o)
{
	if (o->address == NULL)
		return;
	g_string_append(o->s, " (");
	show_address(o, o->address, o->url);
	g_string_append_c(o->s, ')');
	g_clear_pointer(&o->address, g_free);
	g_clear_pointer(&o->url, g_free);
}

static void
pango_event(struct pango_out *o, cmark_iter *it, cmark_node *n,
    gboolean enter)
{
	int next;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		if (enter)
			new_line(o);
		break;
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_HTML_BLOCK:
		new_line(o);
		escaped(o->s, cmark_node_get_literal(n));
		break;
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
	case CMARK_NODE_HTML_INLINE:
		escaped(o->s, cmark_node_get_literal(n));
		break;
	/* the easy-reading rules: bold for emphasis, never italics */
	case CMARK_NODE_STRONG:
	case CMARK_NODE_EMPH:
		g_string_append(o->s, enter ? "<b>" : "</b>");
		break;
	case CMARK_NODE_SOFTBREAK:
		g_string_append_c(o->s, ' ');
		break;
	case CMARK_NODE_LINEBREAK:
		g_string_append_c(o->s, '\n');
		break;
	case CMARK_NODE_LIST:
		next = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST ?
		    cmark_node_get_list_start(n) : -1;
		if (enter)
			g_array_append_val(o->lists, next);
		else
			g_array_set_size(o->lists, o->lists->len - 1);
		break;
	case CMARK_NODE_ITEM:
		if (enter)
			item_marker(o, n);
		break;
	case CMARK_NODE_LINK:
		if (!enter)
			link_exit(o);
		else if (link_enter(o, n))
			cmark_iter_reset(it, n, CMARK_EVENT_EXIT);
		break;
	default:
		break;
	}
}

char *
kt_md_to_pango(const struct kt_md *m, const struct kt_md_links *links,
    GHashTable *addresses)
{
	struct pango_out o = { g_string_new(NULL), NULL, G_MAXSIZE, NULL,
	    NULL, links, addresses };
	cmark_iter *it;
	cmark_event_type ev;

	if (m == NULL || m->doc == NULL)
		return g_string_free(o.s, FALSE);
	o.lists = g_array_new(FALSE, FALSE, sizeof(int));
	it = cmark_iter_new(m->doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		pango_event(&o, it, cmark_iter_get_node(it),
		    ev == CMARK_EVENT_ENTER);
	cmark_iter_free(it);
	g_array_free(o.lists, TRUE);
	while (o.s->len > 0 && o.s->str[o.s->len - 1] == '\n')
		g_string_truncate(o.s, o.s->len - 1);
	return g_string_free(o.s, FALSE);
}
