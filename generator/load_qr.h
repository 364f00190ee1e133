// Loading the QR and print settings: the "qr:" block and "survey_url:" of
// site.yaml, and a procedure's "qr_encode:".
#pragma once

#include "fields.h"
#include "model.h"

namespace ck {

void load_qr_settings(Fields& site, SiteConfig& config);
void load_procedure_qr(Fields& fields, Procedure& procedure);

}  // namespace ck
