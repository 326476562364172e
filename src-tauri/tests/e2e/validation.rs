//! Errors from the core are shown beside the field at fault, and nothing is saved.

use crate::flows::{self, KATHMANDU, SITA};
use crate::harness::App;

#[tokio::test]
async fn validation_errors_are_shown_beside_the_field() {
    let data = tempfile::tempdir().unwrap();
    let app = App::launch("validation", data.path()).await;
    flows::create_workshop(&app, KATHMANDU).await;
    flows::save_workshop(&app).await;
    flows::register(&app, SITA).await;
    let rows_before = app.count("participant-row").await;
    assert_eq!(rows_before, 1);

    // An email address without its domain.
    app.type_text("participant-name", "Laxmi Thapa").await;
    app.type_text("participant-email", "sita@").await;
    app.click("participant-save").await;
    let email_error = app.wait_for("error-email").await;
    let message = email_error.text().await.unwrap();
    assert!(
        message.to_lowercase().contains("email"),
        "the email error should say what is wrong: {message:?}"
    );
    // The error is inside the email field's own box, next to the input.
    let beside = app
        .js(
            "const e = document.querySelector('[data-testid=\"error-email\"]');
             const i = document.querySelector('[data-testid=\"participant-email\"]');
             return e.closest('.field') === i.closest('.field')
                 && i.getAttribute('aria-invalid') === 'true'
                 && (i.getAttribute('aria-describedby') || '').split(' ').includes(e.id);",
            vec![],
        )
        .await;
    assert_eq!(
        beside,
        serde_json::Value::Bool(true),
        "error-email should sit beside and describe the email field"
    );
    app.screenshot("01-invalid-email").await;
    assert_eq!(
        app.count("participant-row").await,
        rows_before,
        "an invalid email must not be saved"
    );

    // Correcting the field clears its error.
    app.clear("participant-email").await;
    app.type_text("participant-email", "laxmi@example.org")
        .await;
    app.wait_gone("error-email").await;

    // An empty name.
    app.clear("participant-name").await;
    app.click("participant-save").await;
    let name_error = app.wait_for("error-fullName").await;
    let message = name_error.text().await.unwrap();
    assert!(!message.trim().is_empty(), "the name error has a message");
    assert_eq!(
        app.focused_testid().await.as_deref(),
        Some("participant-name"),
        "the focus goes to the field at fault"
    );
    app.screenshot("02-empty-name").await;

    flows::close_registration(&app).await;
    assert_eq!(
        app.count("participant-row").await,
        rows_before,
        "nothing was saved"
    );
    let summary = flows::summary_with_total(&app, 1).await;
    assert!(
        summary.starts_with("1 participant (1 woman) from 1 country"),
        "summary line: {summary:?}"
    );

    app.quit().await;
}
