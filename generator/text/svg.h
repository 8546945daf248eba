/*
 * A school's own SVG made safe to serve from the site and to draw in the
 * PDFs: rebuilt from an allow-list of what a drawing needs.
 */
#ifndef KT_SVG_H
#define KT_SVG_H

#include <glib.h>

/*
 * The SVG in data[0..len) rebuilt from its drawing elements (svg, g,
 * path, circle, ellipse, line, polyline, polygon, rect, defs, use,
 * linearGradient, radialGradient, stop, clipPath, mask, symbol, title,
 * desc, text, tspan, style) and their presentation attributes. Left out:
 * scripts, event attributes (on...), links and url(...) to anything but
 * an id in the file (#...), CSS with @-rules or escapes, elements of
 * other namespaces (foreignObject's XHTML, an editor's metadata),
 * comments, processing instructions and the DTD. Entities are never
 * loaded: the file is parsed without network and without substitution.
 *
 * Returns the rebuilt file, which the caller frees with g_bytes_unref,
 * or NULL when data is not an SVG to keep, with *why set to a static
 * sentence saying why (not well-formed, no <svg> root, entity
 * declarations). *removed is set to a description of the first thing
 * removed that would run or load something ("a <script> element",
 * "the attribute onload"), which the caller frees with g_free, or to
 * NULL when nothing like that was there.
 */
GBytes *kt_svg_clean(const char *data, size_t len, char **removed,
    const char **why);

#endif
