/**
 * 网上可办率 targets a county set itself: the share of its 依申请 matters (those applied for; 咨询、查询、信息发布 are
 * answered, not applied for) that can be applied for online (网办深度 3 or 4). Counted over matters, not cases.
 */
export interface OnlineHandlingTargets {
  town: number;
  village: number;
  /** The document that sets them. */
  source: string;
}

const TARGETS: Readonly<Record<string, OnlineHandlingTargets>> = {
  // 泽审改办发〔2022〕2号, 《泽州县各镇“一枚印章管审批”实施方案》: "各镇上网运行的依申请政务服务事项网上可办率不低于
  // 60%，村级上网运行的依申请政务服务事项网上可办率不低于 50%".
  '140525': {
    town: 0.6,
    village: 0.5,
    source: '《泽州县各镇“一枚印章管审批”实施方案》（泽审改办发〔2022〕2号）',
  },
};

/** The county's targets, or undefined where its documents set none (nothing is assumed in their place). */
export const onlineHandlingTargetsOf = (county: string): OnlineHandlingTargets | undefined => TARGETS[county];
