/*
 * The SVG sanitizer: parses with libxml2 (no network, no entities
 * substituted, no DTD loaded) and copies into a new document only the
 * elements and attributes on the lists below, then lets libxml2 write it.
 * Nothing is carried over unless it is listed, so what a browser or
 * librsvg could run or fetch has no way through.
 */
#include "text/svg.h"

#include <libxml/parser.h>
#include <libxml/xmlsave.h>
#include <string.h>

#define NS_SVG "http://www.w3.org/2000/svg"
#define NS_XLINK "http://www.w3.org/1999/xlink"

static const char *const elements[] = {
	"svg", "g", "path", "circle", "ellipse", "line", "polyline", "polygon",
	"rect", "defs", "use", "linearGradient", "radialGradient", "stop",
	"clipPath", "mask", "symbol", "title", "desc", "text", "tspan",
	"style", NULL
};

/* geometry, presentation and the ids and classes that tie them together */
static const char *const attributes[] = {
	"id", "class", "style", "version", "viewBox", "preserveAspectRatio",
	"transform", "width", "height", "x", "y", "x1", "y1", "x2", "y2",
	"cx", "cy", "r", "rx", "ry", "fx", "fy", "dx", "dy", "d", "points",
	"pathLength", "offset", "gradientUnits", "gradientTransform",
	"spreadMethod", "clipPathUnits", "maskUnits", "maskContentUnits",
	"fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
	"stroke-linecap", "stroke-linejoin", "stroke-miterlimit",
	"stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity",
	"color", "display", "visibility", "overflow", "clip-path", "clip-rule",
	"mask", "stop-color", "stop-opacity", "font-family", "font-size",
	"font-weight", "font-style", "text-anchor", "dominant-baseline",
	"letter-spacing", "word-spacing", "vector-effect", "paint-order",
	NULL
};

/* left out silently when not listed, but these are worth a warning */
static const char *const active[] = {
	"script", "foreignObject", "a", "image", "iframe", "object", "embed",
	"set", "animate", "animateMotion", "animateTransform", "handler", NULL
};

/* CSS functions whose argument is an address, besides url() */
static const char *const fetching[] = {
	"image(", "image-set(", "element(", "src(", NULL
};

struct clean {
	xmlDocPtr out;
	xmlNsPtr svg, xlink;
	gboolean no_ns;		/* no namespace on the root: read as SVG */
	char *removed;		/* the first active thing left out */
};

static gboolean
listed(const char *const *list, const xmlChar *name)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, (const char *)name) == 0)
			return TRUE;
	return FALSE;
}

/* Keeps the first description of something active left out. */
static void
note(struct clean *c, char *what)
{
	if (c->removed == NULL)
		c->removed = what;
	else
		g_free(what);
}

/*
 * Does a value (CSS, or an attribute that may hold url()) reach outside
 * the file? A backslash could spell url( in an escape and an @-rule could
 * import, so both count as reaching out.
 */
static gboolean
outside(const char *v)
{
	char *low = g_ascii_strdown(v, -1);
	gboolean out = strchr(low, '\\') != NULL || strchr(low, '@') != NULL;

	for (const char *p = low; !out && (p = strstr(p, "url(")) != NULL;) {
		p += 4;
		p += strspn(p, " \t\r\n\f\"'");
		out = *p != '#';
	}
	for (int i = 0; !out && fetching[i] != NULL; i++)
		out = strstr(low, fetching[i]) != NULL;
	g_free(low);
	return out;
}

static xmlNsPtr
xlink(struct clean *c)
{
	if (c->xlink == NULL)
		c->xlink = xmlNewNs(xmlDocGetRootElement(c->out),
		    BAD_CAST NS_XLINK, BAD_CAST "xlink");
	return c->xlink;
}

/* Is attribute a of an element to be copied, and into which namespace? */
static gboolean
keep_attribute(struct clean *c, xmlAttrPtr a, const char *v, xmlNodePtr e,
    xmlNsPtr *ns)
{
	const char *href = a->ns != NULL ? (const char *)a->ns->href : NULL;
	const char *name = (const char *)a->name;

	*ns = NULL;
	if (g_ascii_strncasecmp(name, "on", 2) == 0) {
		note(c, g_strdup_printf("the event attribute %s", name));
		return FALSE;
	}
	if (strcmp(name, "href") == 0 && (href == NULL ||
	    strcmp(href, NS_XLINK) == 0)) {
		/* use, gradients: only an element of this file */
		if (v[0] != '#') {
			note(c, g_strdup_printf("a link to '%s'", v));
			return FALSE;
		}
		*ns = href != NULL ? xlink(c) : NULL;
	} else if (href != NULL) {
		/* xml:space and xml:lang; an editor's own attributes go */
		if (strcmp(href, (const char *)XML_XML_NAMESPACE) != 0)
			return FALSE;
		*ns = xmlSearchNsByHref(c->out, e, XML_XML_NAMESPACE);
	} else if (!listed(attributes, a->name))
		return FALSE;
	if (outside(v)) {
		note(c, g_strdup_printf("a reference outside the file in %s",
		    name));
		return FALSE;
	}
	return TRUE;
}

static void
copy_attributes(struct clean *c, xmlNodePtr from, xmlNodePtr e)
{
	for (xmlAttrPtr a = from->properties; a != NULL; a = a->next) {
		xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
		xmlNsPtr ns;

		if (v != NULL && keep_attribute(c, a, (const char *)v, e, &ns))
			xmlNewNsProp(e, ns, a->name, v);
		xmlFree(v);
	}
}

static gboolean
is_svg(const struct clean *c, xmlNodePtr n)
{
	return n->ns != NULL ? strcmp((const char *)n->ns->href, NS_SVG) == 0 :
	    c->no_ns;
}

/* A <style> is kept only when its CSS reaches nothing outside. */
static gboolean
style_outside(xmlNodePtr n)
{
	xmlChar *css = xmlNodeGetContent(n);
	gboolean out = css != NULL && outside((const char *)css);

	xmlFree(css);
	return out;
}

static void copy_element(struct clean *, xmlNodePtr, xmlNodePtr to);

/* Text and elements; comments, processing instructions and entity
 * references are left out. */
static void
copy_children(struct clean *c, xmlNodePtr from, xmlNodePtr to)
{
	for (xmlNodePtr n = from->children; n != NULL; n = n->next)
		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE)
			xmlAddChild(to, xmlNewDocText(c->out, n->content));
		else if (n->type == XML_ELEMENT_NODE)
			copy_element(c, n, to);
}

/* Copies n below to, or as the root when to is NULL. */
static void
copy_element(struct clean *c, xmlNodePtr n, xmlNodePtr to)
{
	xmlNodePtr e;

	if (!is_svg(c, n) || !listed(elements, n->name)) {
		if (listed(active, n->name))
			note(c, g_strdup_printf("a <%s> element", n->name));
		return;
	}
	if (xmlStrEqual(n->name, BAD_CAST "style") && style_outside(n)) {
		note(c, g_strdup("a <style> that reaches outside the file"));
		return;
	}
	e = xmlNewDocNode(c->out, NULL, n->name, NULL);
	if (to == NULL) {
		xmlDocSetRootElement(c->out, e);
		c->svg = xmlNewNs(e, BAD_CAST NS_SVG, NULL);
	} else
		xmlAddChild(to, e);
	xmlSetNs(e, c->svg);
	copy_attributes(c, n, e);
	copy_children(c, n, e);
}

/* Why in cannot be kept at all, or NULL. */
static const char *
refuse(xmlDocPtr in)
{
	xmlNodePtr root = in != NULL ? xmlDocGetRootElement(in) : NULL;

	if (root == NULL)
		return "not well-formed XML";
	if (!xmlStrEqual(root->name, BAD_CAST "svg") || (root->ns != NULL &&
	    !xmlStrEqual(root->ns->href, BAD_CAST NS_SVG)))
		return "the root element is not <svg>";
	if (in->intSubset != NULL && (in->intSubset->entities != NULL ||
	    in->intSubset->pentities != NULL))
		return "entities are declared (<!ENTITY ...>)";
	return NULL;
}

static GBytes *
serialize(xmlDocPtr doc)
{
	xmlBufferPtr buf = xmlBufferCreate();
	xmlSaveCtxtPtr save = xmlSaveToBuffer(buf, "UTF-8", XML_SAVE_NO_DECL);
	GBytes *b;

	xmlSaveDoc(save, doc);
	xmlSaveClose(save);
	b = g_bytes_new(xmlBufferContent(buf), (gsize)xmlBufferLength(buf));
	xmlBufferFree(buf);
	return b;
}

GBytes *
kt_svg_clean(const char *data, size_t len, char **removed, const char **why)
{
	xmlDocPtr in = len <= G_MAXINT ? xmlReadMemory(data, (int)len, NULL,
	    NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING) :
	    NULL;
	struct clean c = { 0 };
	GBytes *out;

	*removed = NULL;
	*why = refuse(in);
	if (*why != NULL) {
		xmlFreeDoc(in);
		return NULL;
	}
	c.out = xmlNewDoc(BAD_CAST "1.0");
	c.no_ns = xmlDocGetRootElement(in)->ns == NULL;
	copy_element(&c, xmlDocGetRootElement(in), NULL);
	out = serialize(c.out);
	xmlFreeDoc(c.out);
	xmlFreeDoc(in);
	*removed = c.removed;
	return out;
}
