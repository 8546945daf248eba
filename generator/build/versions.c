/*
 * Asks each library for its own version at run time: a shared library
 * can be upgraded under a keukentafel compiled long before.
 */
#include "build/versions.h"

#include <cairo.h>
#include <glib.h>
#include <librsvg/rsvg.h>
#include <pango/pango.h>

const char *
kt_library_versions(void)
{
	char *s, rsvg[48];
	const char *interned;

#if LIBRSVG_CHECK_VERSION(2, 52, 0)
	g_snprintf(rsvg, sizeof rsvg, "%u.%u.%u", rsvg_major_version,
	    rsvg_minor_version, rsvg_micro_version);
#else
	/* no run-time version before 2.52: the one compiled with */
	g_strlcpy(rsvg, LIBRSVG_VERSION, sizeof rsvg);
#endif
	s = g_strdup_printf("cairo %s, pango %s, librsvg %s",
	    cairo_version_string(), pango_version_string(), rsvg);
	interned = g_intern_string(s);
	g_free(s);
	return interned;
}
