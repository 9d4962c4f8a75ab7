//! The message keys: one variant per sentence the widget can show, each with a stable,
//! feature-namespaced name (`signin.submit`, `code.resend_in`, …) that hosts use to override it.

/// Declares [`Key`], its stable names and the list of all keys.
macro_rules! keys {
    ($($variant:ident => $name:literal),* $(,)?) => {
        /// A message of the widget. Its [`Key::name`] is the stable, namespaced name used by
        /// host overrides (for example `"signin.submit"`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key {
            $(
                #[doc = concat!("`", $name, "`")]
                $variant,
            )*
        }

        impl Key {
            /// Every key, in declaration order.
            pub const ALL: &'static [Key] = &[$(Key::$variant),*];

            /// The stable namespaced name of the key, for example `"signin.submit"`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Key::$variant => $name,)*
                }
            }

            /// The key with the given name, if there is one.
            pub fn from_name(name: &str) -> Option<Key> {
                Key::ALL.iter().copied().find(|k| k.name() == name)
            }
        }
    };
}

keys! {
    WidgetLabel => "widget.label",
    WidgetStarting => "widget.starting",
    WidgetLoadFailed => "widget.load_failed",
    WidgetRetry => "widget.retry",
    StatusBusy => "status.busy",
    ChunkLoading => "chunk.loading",
    ChunkFailed => "chunk.failed",
    ChunkRetry => "chunk.retry",

    TabsLabel => "tabs.label",
    TabsAccount => "tabs.account",
    TabsPhone => "tabs.phone",
    TabsEmail => "tabs.email",
    TabsQr => "tabs.qr",

    FieldUserName => "field.user_name",
    FieldPwd => "field.pwd",
    FieldPwdConfirm => "field.pwd_confirm",
    FieldPwdShow => "field.pwd_show",
    FieldNickname => "field.nickname",
    FieldPhone => "field.phone",
    FieldPhoneCode => "field.phone_code",
    FieldEmail => "field.email",
    FieldEmailCode => "field.email_code",
    FieldNewPwd => "field.new_pwd",
    FieldNewPwdConfirm => "field.new_pwd_confirm",

    SigninTitle => "signin.title",
    SigninSubmit => "signin.submit",
    SigninBusy => "signin.busy",
    SigninDone => "signin.done",
    SigninToSignup => "signin.to_signup",
    SigninForgot => "signin.forgot",

    SignupTitle => "signup.title",
    SignupSubmit => "signup.submit",
    SignupBusy => "signup.busy",
    SignupToSignin => "signup.to_signin",
    SignupNewRecipient => "signup.new_recipient",

    CodeSend => "code.send",
    CodeSending => "code.sending",
    CodeResendIn => "code.resend_in",
    CodeSentPhone => "code.sent_phone",
    CodeSentEmail => "code.sent_email",
    CodeWait => "code.wait",

    ResetTitle => "reset.title",
    ResetMethod => "reset.method",
    ResetByPhone => "reset.by_phone",
    ResetByEmail => "reset.by_email",
    ResetSubmit => "reset.submit",
    ResetBusy => "reset.busy",
    ResetDone => "reset.done",
    ResetBack => "reset.back",

    GuestButton => "guest.button",
    GuestBusy => "guest.busy",

    SignedTitle => "signed.title",
    SignedAs => "signed.as",
    SignedUserId => "signed.user_id",
    SignedPlatform => "signed.platform",
    SignedSignOut => "signed.sign_out",
    SignedOut => "signed.out",

    ValidateRequired => "validate.required",
    ValidatePhone => "validate.phone",
    ValidatePhoneIntl => "validate.phone_intl",
    ValidateEmail => "validate.email",
    ValidateUserName => "validate.user_name",
    ValidatePwdShort => "validate.pwd_short",
    ValidatePwdLong => "validate.pwd_long",
    ValidatePwdMismatch => "validate.pwd_mismatch",
    ValidateCode => "validate.code",
    ValidateNicknameLong => "validate.nickname_long",

    ErrorNetwork => "error.network",
    ErrorEncode => "error.encode",
    ErrorTimeout => "error.timeout",
    ErrorHttp => "error.http",
    ErrorBadResponse => "error.bad_response",
    ErrorRefused => "error.refused",
    ErrorBadInput => "error.bad_input",
    ErrorCredentials => "error.credentials",
    ErrorForbidden => "error.forbidden",
    ErrorNotFound => "error.not_found",
    ErrorExists => "error.exists",
    ErrorExpired => "error.expired",
    ErrorTooSoon => "error.too_soon",

    // qr
    QrImageLabel => "qr.image_label",
    QrPreparing => "qr.preparing",
    QrWaiting => "qr.waiting",
    QrScanned => "qr.scanned",
    QrSignedIn => "qr.signed_in",
    QrExpired => "qr.expired",
    QrFailed => "qr.failed",
    QrRetrying => "qr.retrying",
    QrRefresh => "qr.refresh",
    QrLinkHint => "qr.link_hint",
    QrCannotDraw => "qr.cannot_draw",
    QrPhoneTitle => "qr_phone.title",
    QrPhoneLoading => "qr_phone.loading",
    QrPhoneMissing => "qr_phone.missing",
    QrPhoneAsks => "qr_phone.asks",
    QrPhoneUnknownApp => "qr_phone.unknown_app",
    QrPhoneScopes => "qr_phone.scopes",
    QrPhoneRemark => "qr_phone.remark",
    QrPhoneUnionId => "qr_phone.union_id",
    QrPhoneUnionIdLong => "qr_phone.union_id_long",
    QrPhoneConfirm => "qr_phone.confirm",
    QrPhoneConfirming => "qr_phone.confirming",
    QrPhoneDone => "qr_phone.done",
    QrPhoneRetry => "qr_phone.retry",

    // consent / apps / profile / points
    ConsentTitle => "consent.title",
    ConsentUnknownApp => "consent.unknown_app",
    ConsentScopes => "consent.scopes",
    ConsentNoScopes => "consent.no_scopes",
    ConsentReturnTo => "consent.return_to",
    ConsentMethod => "consent.method",
    ConsentByAccount => "consent.by_account",
    ConsentByPhone => "consent.by_phone",
    ConsentByEmail => "consent.by_email",
    ConsentByUnionId => "consent.by_unionid",
    ConsentUnionId => "consent.union_id",
    ConsentPlatform => "consent.platform",
    ConsentDays => "consent.days",
    ConsentDaysInvalid => "consent.days_invalid",
    ConsentAllow => "consent.allow",
    ConsentDeny => "consent.deny",
    ConsentBusy => "consent.busy",
    ConsentLeaving => "consent.leaving",
    ConsentBadRedirect => "consent.bad_redirect",
    ConsentNoRedirect => "consent.no_redirect",
    ScopeOpenid => "scope.openid",
    ScopeProfile => "scope.profile",
    ScopePhone => "scope.phone",
    ScopeEmail => "scope.email",
    ScopeRole => "scope.role",
    ScopePermission => "scope.permission",
    ThirdTitle => "thirdparty.title",
    ThirdIntro => "thirdparty.intro",
    ThirdStart => "thirdparty.start",
    ThirdExchanging => "thirdparty.exchanging",
    ThirdDone => "thirdparty.done",
    ThirdDenied => "thirdparty.denied",
    ThirdStateMismatch => "thirdparty.state_mismatch",
    ThirdAgain => "thirdparty.again",
    ThirdExpires => "thirdparty.expires",
    AccountNav => "account.nav",
    AccountApps => "account.apps",
    AccountProfile => "account.profile",
    AccountPoints => "account.points",
    AccountExpired => "account.expired",
    AccountLoading => "account.loading",
    AccountRetry => "account.retry",
    AccountNotSet => "account.not_set",
    AppsEmpty => "apps.empty",
    AppsDate => "apps.date",
    AppsGrant => "apps.grant",
    AppsHost => "apps.host",
    AppsScopes => "apps.scopes",
    AppsRemark => "apps.remark",
    AppsRevoke => "apps.revoke",
    AppsConfirm => "apps.confirm",
    AppsConfirmYes => "apps.confirm_yes",
    AppsCancel => "apps.cancel",
    AppsRevoked => "apps.revoked",
    AppsRevokeFailed => "apps.revoke_failed",
    AppsUnknownHost => "apps.unknown_host",
    ProfileAvatarAlt => "profile.avatar_alt",
    ProfileNickname => "profile.nickname",
    ProfileUserName => "profile.user_name",
    ProfilePhone => "profile.phone",
    ProfileEmail => "profile.email",
    ProfileVerified => "profile.verified",
    ProfileUnverified => "profile.unverified",
    ProfilePlatform => "profile.platform",
    ProfileRole => "profile.role",
    ProfileCreated => "profile.created",
    ProfileUpdated => "profile.updated",
    ProfileData => "profile.data",
    ProfileEdit => "profile.edit",
    ProfileAvatarUrl => "profile.avatar_url",
    ProfileAvatarPreview => "profile.avatar_preview",
    ProfileAvatarBad => "profile.avatar_bad",
    ProfileDataBad => "profile.data_bad",
    ProfileDataLong => "profile.data_long",
    ProfileSave => "profile.save",
    ProfileSaving => "profile.saving",
    ProfileSaved => "profile.saved",
    ProfileCancel => "profile.cancel",
    PointsTitle => "points.title",
    PointsFilter => "points.filter",
    PointsAll => "points.all",
    PointsRecharges => "points.recharges",
    PointsSpends => "points.spends",
    PointsDate => "points.date",
    PointsAmount => "points.amount",
    PointsRemark => "points.remark",
    PointsEmpty => "points.empty",
    PointsTotal => "points.total",
    PointsPage => "points.page",
    PointsPrev => "points.prev",
    PointsNext => "points.next",
    PointsPager => "points.pager",
    PointsRechargeTitle => "points.recharge_title",
    PointsPrice => "points.price",
    PointsRemarkField => "points.remark_field",
    PointsPriceBad => "points.price_bad",
    PointsRemarkLong => "points.remark_long",
    PointsRecharge => "points.recharge",
    PointsRecharging => "points.recharging",
    PointsRecharged => "points.recharged",
}

#[cfg(test)]
mod tests {
    use super::Key;
    use std::collections::HashSet;

    #[test]
    fn names_are_unique_and_namespaced() {
        let mut seen = HashSet::new();
        for key in Key::ALL {
            let name = key.name();
            assert!(seen.insert(name), "duplicate key name {name}");
            let (ns, rest) = name.split_once('.').unwrap_or(("", ""));
            assert!(
                !ns.is_empty() && !rest.is_empty(),
                "{name} is not namespaced"
            );
        }
    }

    #[test]
    fn from_name_round_trips() {
        for key in Key::ALL {
            assert_eq!(Key::from_name(key.name()), Some(*key));
        }
        assert_eq!(Key::from_name("signin.nope"), None);
    }
}
