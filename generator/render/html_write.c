/*
 * Text is escaped (& < >), attribute values too (& "), void elements get
 * no end tag. Script and style content is written as it is: only the
 * generator puts text there, JSON with < > & already escaped.
 */
#include "html_write.h"

#include <string.h>

static const char *const void_elements[] = {
	"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
	"meta", "source", "track", "wbr", NULL
};

static void
escape(GString *out, const char *s, gboolean attr)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			g_string_append(out, "&amp;");
			break;
		case '<':
			g_string_append(out, attr ? "<" : "&lt;");
			break;
		case '>':
			g_string_append(out, attr ? ">" : "&gt;");
			break;
		case '"':
			g_string_append(out, attr ? "&quot;" : "\"");
			break;
		case '\xC2':	/* U+00A0 stays visible in the source */
			if (s[1] == '\xA0') {
				g_string_append(out, "&nbsp;");
				s++;
				break;
			}
			/* FALLTHROUGH */
		default:
			g_string_append_c(out, *s);
		}
	}
}

static gboolean
is_void(xmlNodePtr n)
{
	return g_strv_contains(void_elements, (const char *)n->name);
}

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
		xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);

		g_string_append_c(out, ' ');
		g_string_append(out, (const char *)a->name);
		g_string_append(out, "=\"");
		escape(out, v ? (const char *)v : "", TRUE);
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
