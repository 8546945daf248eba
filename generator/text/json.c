/*
 * Escaping for JSON; the only place that writes a JSON string.
 */
#include "text/json.h"

void
kt_json_str(GString *out, const char *s)
{
	g_string_append_c(out, '"');
	for (const char *p = s ? s : ""; *p; p++) {
		unsigned char c = (unsigned char)*p;

		switch (c) {
		case '"':
			g_string_append(out, "\\\"");
			break;
		case '\\':
			g_string_append(out, "\\\\");
			break;
		case '\n':
			g_string_append(out, "\\n");
			break;
		case '\t':
			g_string_append(out, "\\t");
			break;
		case '<':
		case '>':
		case '&':
			g_string_append_printf(out, "\\u%04x", c);
			break;
		default:
			if (c < 0x20) {
				g_string_append_printf(out, "\\u%04x", c);
			} else if (c == 0xE2 && (unsigned char)p[1] == 0x80 &&
			    ((unsigned char)p[2] == 0xA8 ||
			    (unsigned char)p[2] == 0xA9)) {
				/* U+2028, U+2029 end a line in JavaScript */
				g_string_append_printf(out, "\\u20%02x",
				    (unsigned char)p[2] - 0x80);
				p += 2;
			} else {
				g_string_append_c(out, (char)c);
			}
		}
	}
	g_string_append_c(out, '"');
}
