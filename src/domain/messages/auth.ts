// Messages of sign-in, sessions, passwords and accounts.

export const AUTH_MESSAGES = {
  csrfInvalid: '请求校验失败（CSRF），请刷新页面后重试',
  sessionExpired: '登录已过期，请重新登录',
  loginRequired: '请先登录',
  passwordChangeRequired: '首次登录须先修改初始密码',
  accessDenied: '当前账号无权访问此功能',
  orgAccountsOnly: '仅组织单位账号可以使用此功能',
  siteAccountsOnly: '仅填报单位账号可以使用此功能',
  badOrgCredentials: '用户名或密码错误',
  badSiteCredentials: '网站标识码或校验码错误',
  loginThrottled: '登录失败次数过多，请 15 分钟后再试',
  accountDisabled: '账号已停用，请联系本单位或上级单位管理员',
  /** `secret` names what was typed wrong: 密码 for the 组织单位 login, 校验码 for the 填报单位 login. */
  accountLocked: (secret: 'password' | 'checkCode', attempts: number, until: string) =>
    `${secret === 'password' ? '密码' : '校验码'}连续错误 ${attempts} 次，账号已锁定，请于 ${until}（北京时间）后再试`,
  currentPasswordWrong: '当前密码不正确',
  newPasswordSameAsCurrent: '新密码不能与当前密码相同',
  passwordChangedMeanwhile: '密码刚刚已被修改或重置，请使用新密码重新登录后再试',
  weakPassword: '密码过于常见或容易被猜中（如 Password123、Admin@12345），请换一个不易猜测的密码',
  orgUnitDisabledNoAccounts: '该组织单位已停用，不能新建账号',
  usernameTaken: (username: string) => `用户名 ${username} 已被使用`,
  /** `govsite create-admin`: said on the command line, where nothing was created. */
  adminUsernameTaken: (username: string) => `用户名 ${username} 已存在，未创建账号`,
  cannotDisableSelf: '不能停用自己的账号',
  digestNeedsEmail: '开启每日待办汇总须填写接收邮箱',
} as const;
