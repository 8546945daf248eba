/*
 * The libraries that draw the printables, as they are loaded now. Part of
 * every job's key: after an upgrade of cairo, Pango or librsvg every PDF
 * is drawn again, and no bundle joins pages of old chunks with new ones.
 */
#ifndef KT_VERSIONS_H
#define KT_VERSIONS_H

/*
 * "cairo 1.16.0, pango 1.50.12, librsvg 2.54.7": the versions running,
 * not those keukentafel was compiled with. Interned (g_intern_string):
 * valid as long as the process runs, never freed.
 */
const char *kt_library_versions(void);

#endif
