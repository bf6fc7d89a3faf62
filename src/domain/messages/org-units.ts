// Messages of the organizing-unit tree: creating, moving, disabling units and looking up their codes.

export const ORG_UNIT_MESSAGES = {
  parentUnitMissing: (code: string) => `上级组织单位 ${code} 不存在`,
  parentUnitDisabled: (name: string) => `上级组织单位「${name}」已停用`,
  parentUnitDisabledEnableFirst: (name: string) => `上级组织单位「${name}」已停用，请先启用上级`,
  noUnitsBelowLevel3: '第三级（县/垂管分局）组织单位之下不能再设下级',
  orgCodeTaken: (code: string) => `组织单位标识码 ${code} 已存在`,
  orgCodeUnknown: (code: string) => `组织单位标识码 ${code} 不存在，请向所在地区或部门的组织单位确认`,
  orgUnitDisabledNoNewSites: (code: string, name: string) => `组织单位 ${code}（${name}）已停用，不能报送新网站`,
  rootUnitFixed: '不能调整最高权限组织单位',
  newParentMissing: (code: string) => `新上级组织单位 ${code} 不存在`,
  newParentSame: '新上级与原上级相同，无需迁移',
  newParentDisabled: (name: string) => `新上级组织单位「${name}」已停用`,
  moveOneLevelUp: (level: number, parentName: string, parentLevel: number) =>
    `只能迁移到上一级（第 ${level - 1} 级）组织单位之下；「${parentName}」为第 ${parentLevel} 级`,
  unitAlreadyDisabled: '该组织单位已停用',
  unitAlreadyEnabled: '该组织单位已启用',
  disableChildrenFirst: '请先停用或迁移其下级组织单位，再停用本单位',
  treeChangePreviewStale: '有申请刚被其他人处理，请刷新后重新预览',
} as const;
