'use strict';
var __createBinding =
  (this && this.__createBinding) ||
  (Object.create
    ? function (o, m, k, k2) {
        if (k2 === undefined) k2 = k;
        var desc = Object.getOwnPropertyDescriptor(m, k);
        if (!desc || ('get' in desc ? !m.__esModule : desc.writable || desc.configurable)) {
          desc = {
            enumerable: true,
            get: function () {
              return m[k];
            },
          };
        }
        Object.defineProperty(o, k2, desc);
      }
    : function (o, m, k, k2) {
        if (k2 === undefined) k2 = k;
        o[k2] = m[k];
      });
var __exportStar =
  (this && this.__exportStar) ||
  function (m, exports) {
    for (var p in m)
      if (p !== 'default' && !Object.prototype.hasOwnProperty.call(exports, p))
        __createBinding(exports, m, p);
  };
Object.defineProperty(exports, '__esModule', { value: true });
__exportStar(require('./catalogue/matter-type'), exports);
__exportStar(require('./catalogue/handling-mode'), exports);
__exportStar(require('./catalogue/catalogue-error'), exports);
__exportStar(require('./catalogue/annex-table'), exports);
__exportStar(require('./catalogue/seeded-catalogue'), exports);
__exportStar(require('./guides/matter-guide'), exports);
__exportStar(require('./routes/route-plan'), exports);
__exportStar(require('./routes/units'), exports);
__exportStar(require('./routes/derive-route'), exports);
__exportStar(require('./canonical-json'), exports);
//# sourceMappingURL=index.js.map
