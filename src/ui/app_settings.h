// The application's settings live in the render room (the CLI reads them too).
#pragma once

#include "render/job/app_settings.h"

namespace sw::ui {
using render::AppSettings;
}  // namespace sw::ui
