/*
 * Text is escaped (& < >), attribute values too (& "), void elements get
 * no end tag. Script and style content is written as it is: only the
 * generator puts text there, JSON with < > & already escaped.
 */
#include "web/html_write.h"

#include <string.h>

/* what escape() writes for one byte, or NULL where the byte is written
 * as it is; U+00A0 (C2 A0) is handled by the caller */
static const char *
entity(char c, gboolean attr)
{
	switch (c) {
	case '&':
		return "&amp;";
	case '<':
		return attr ? "<" : "&lt;";
	case '>':
		return attr ? ">" : "&gt;";
	case '"':
		return attr ? "&quot;" : "\"";
	default:
		return NULL;
	}
}

/* Text is copied in runs between the bytes that need an entity. */
static void
escape(GString *out, const char *s, gboolean attr)
{
	const char *run = s;

	for (; *s; s++) {
		const char *e;

		if (*s == '\xC2' && s[1] == '\xA0')
			e = "&nbsp;";	/* U+00A0 stays visible in the source */
		else if ((e = entity(*s, attr)) == NULL)
			continue;
		g_string_append_len(out, run, s - run);
		g_string_append(out, e);
		if (*s == '\xC2')
			s++;
		run = s + 1;
	}
	g_string_append_len(out, run, s - run);
}

#define IS(s) (strcmp(name, s) == 0)

/* Called for every element, twice: the void elements, by length. */
static gboolean
is_void(xmlNodePtr n)
{
	const char *name = (const char *)n->name;

	switch (strlen(name)) {
	case 2:
		return IS("br") || IS("hr");
	case 3:
		return IS("col") || IS("img") || IS("wbr");
	case 4:
		return IS("area") || IS("base") || IS("link") || IS("meta");
	case 5:
		return IS("embed") || IS("input") || IS("track");
	case 6:
		return IS("source");
	default:
		return FALSE;
	}
}

#undef IS

static gboolean
is_raw(xmlNodePtr n)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    (strcmp((const char *)n->name, "script") == 0 ||
	    strcmp((const char *)n->name, "style") == 0);
}

static void
open_tag(GString *out, xmlNodePtr n)
{
	g_string_append_c(out, '<');
	g_string_append(out, (const char *)n->name);
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		xmlNodePtr t = a->children;
		/* an attribute's value is one text node, unless entities */
		gboolean one = t != NULL && t->next == NULL &&
		    t->type == XML_TEXT_NODE && t->content != NULL;
		xmlChar *v = one ? NULL : xmlNodeGetContent((xmlNodePtr)a);

		g_string_append_c(out, ' ');
		g_string_append(out, (const char *)a->name);
		g_string_append(out, "=\"");
		escape(out, one ? (const char *)t->content :
		    v != NULL ? (const char *)v : "", TRUE);
		g_string_append_c(out, '"');
		xmlFree(v);
	}
	g_string_append_c(out, '>');
}

static void
close_tag(GString *out, xmlNodePtr n)
{
	g_string_append(out, "</");
	g_string_append(out, (const char *)n->name);
	g_string_append_c(out, '>');
}

/*
 * Walks the tree with parent pointers, not recursion, so no nesting in
 * the content can exhaust the stack.
 */
static void
walk(GString *out, xmlNodePtr root)
{
	xmlNodePtr n = root;

	for (;;) {
		if (n->type == XML_ELEMENT_NODE) {
			open_tag(out, n);
			if (!is_void(n) && n->children != NULL) {
				n = n->children;
				continue;
			}
			if (!is_void(n))
				close_tag(out, n);
		} else if ((n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) && n->content != NULL) {
			if (is_raw(n->parent))
				g_string_append(out, (const char *)n->content);
			else
				escape(out, (const char *)n->content, FALSE);
		} else if (n->type == XML_PI_NODE && n->content != NULL &&
		    strcmp((const char *)n->name, KT_HTML_RAW) == 0) {
			g_string_append(out, (const char *)n->content);
		}
		/* other processing instructions and comments are left out */
		while (n != root && n->next == NULL) {
			n = n->parent;
			close_tag(out, n);
		}
		if (n == root)
			break;
		n = n->next;
	}
}

void
kt_html_serialize_node(xmlNodePtr n, GString *out)
{
	walk(out, n);
}

void
kt_html_serialize(xmlDocPtr doc, GString *out)
{
	g_string_append(out, "<!DOCTYPE html>\n");
	walk(out, xmlDocGetRootElement(doc));
	g_string_append_c(out, '\n');
}
