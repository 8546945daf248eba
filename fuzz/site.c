/* site.yaml: the school, the address and the languages. */
#include <stdint.h>

#include "diag.h"
#include "load/load.h"
#include "common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kt_model *m = kt_model_new();
	struct kt_diag *d = kt_diag_new();
	char *path = fuzz_file("site.yaml", data, size);

	kt_load_site(m, path, NULL, d);
	g_free(path);
	kt_diag_free(d);
	kt_model_free(m);
	return 0;
}
